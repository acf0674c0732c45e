using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Audit;

/// <summary>
/// One row of the append-only audit trail. <see cref="Hash"/> = SHA-256 over this row's content
/// and <see cref="PreviousHash"/>, so changing or removing any row breaks the chain from there.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>JSON object field → { "old": ..., "new": ... } (values of secrets are not written).</summary>
    public string? Changes { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => x.UserName);
    }
}
