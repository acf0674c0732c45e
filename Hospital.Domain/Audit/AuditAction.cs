namespace Hospital.Domain.Audit;

public static class AuditAction
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Void = "Void";
    /// <summary>Hard delete: only for non-clinical link rows such as a user's role.</summary>
    public const string Delete = "Delete";
    /// <summary>Someone opened a record (Circular 46 / 13/2025: every access is logged).</summary>
    public const string Open = "Open";
    /// <summary>A clinical document was digitally signed.</summary>
    public const string Sign = "Sign";
    /// <summary>A record was printed or downloaded as a paper copy (NĐ 137/2024 Đ5: each print is logged).</summary>
    public const string Print = "Print";
    /// <summary>A record left the system as a file (XML/JSON export).</summary>
    public const string Export = "Export";
}
