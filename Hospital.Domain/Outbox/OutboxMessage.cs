using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Outbox;

/// <summary>
/// A message to an outside system (BHXH portal, national e-prescription system...), written in
/// the same transaction as the change that caused it and delivered later by the dispatcher, so
/// a portal outage never loses or blocks the work at the counter.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>What to do, e.g. "bhxh.card-check"; selects the handler.</summary>
    public string Type { get; set; } = "";
    /// <summary>Business key for people: MA_LK, patient code, prescription code...</summary>
    public string? Reference { get; set; }
    public string Payload { get; set; } = "";
    public OutboxState State { get; set; } = OutboxState.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 10;
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Lease taken by a dispatcher; another instance skips the row until it expires.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Who cancelled or retried it by hand, for the admin screen.</summary>
    public string? HandledBy { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.Type).HasMaxLength(100);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.HandledBy).HasMaxLength(256);
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => x.Reference);
    }
}
