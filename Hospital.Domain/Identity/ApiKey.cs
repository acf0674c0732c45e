namespace Hospital.Domain.Identity;

/// <summary>
/// A key for kiosks and integrations (header X-Api-Key). Only a SHA-256 hash is stored; the
/// plain key is shown once when created. Revoked keys stay for the audit trail.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>First characters of the key, shown in lists so admins can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    /// <summary>Comma-separated role names the key acts with.</summary>
    public string Roles { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public IReadOnlyList<string> RoleList =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsUsableAt(DateTime utcNow) => RevokedAt is null && (ExpiresAt is null || utcNow < ExpiresAt);
}
