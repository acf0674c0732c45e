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
}
