using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Visits;

/// <summary>
/// The last ticket number given out per room and day. Incremented with one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> statement inside the registration
/// transaction (<see cref="QueueNumbers"/>), which takes the row lock on PostgreSQL and the
/// write lock on SQLite: concurrent registrations get consecutive, distinct numbers.
/// </summary>
public class QueueCounter : INotAudited
{
    public int RoomId { get; set; }
    public DateOnly ServiceDate { get; set; }
    public int LastNumber { get; set; }
}

internal sealed class QueueCounterConfiguration : IEntityTypeConfiguration<QueueCounter>
{
    public void Configure(EntityTypeBuilder<QueueCounter> b) => b.HasKey(x => new { x.RoomId, x.ServiceDate });
}
