namespace Hospital.Domain.Audit;

/// <summary>Who is making the change being audited: the signed-in user, or "system" for background work.</summary>
public interface IAuditUser
{
    string? UserId { get; }
    string UserName { get; }
}

/// <summary>Seeding, the outbox dispatcher and other work no person started.</summary>
public sealed class SystemAuditUser : IAuditUser
{
    public const string Name = "system";
    public static readonly SystemAuditUser Instance = new();

    public string? UserId => null;
    public string UserName => Name;
}
