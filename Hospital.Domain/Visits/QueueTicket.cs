using Hospital.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Visits;

public enum TicketStatus { Waiting = 1, Called = 2, InExam = 3, Skipped = 4, Done = 5, Cancelled = 9 }

/// <summary>
/// A numbered place in one room's queue for one day (số thứ tự). The number comes from
/// <see cref="QueueCounter"/>, so two clerks registering at once never get the same one; the
/// unique index on (room, day, number) is the last guard.
/// </summary>
public class QueueTicket
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int RoomId { get; set; }
    public Room? Room { get; set; }
    public DateOnly ServiceDate { get; set; }
    public int Number { get; set; }
    public PriorityGroup Priority { get; set; }
    /// <summary>Sort rank from <see cref="QueuePriority.RankOf"/>: lower is called first, then by number.</summary>
    public int PriorityRank { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Waiting;
    public DateTime IssuedAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public string? CalledBy { get; set; }
    public int CallCount { get; set; }
}

internal sealed class QueueTicketConfiguration : IEntityTypeConfiguration<QueueTicket>
{
    public void Configure(EntityTypeBuilder<QueueTicket> b)
    {
        b.HasIndex(x => new { x.RoomId, x.ServiceDate, x.Number }).IsUnique();
        b.HasIndex(x => new { x.RoomId, x.ServiceDate, x.Status, x.PriorityRank });
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.CalledBy).HasMaxLength(256);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}
