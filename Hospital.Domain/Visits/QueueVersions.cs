using Hospital.Domain.Data;
namespace Hospital.Domain.Visits;

/// <summary>
/// A cheap fingerprint of some rooms' queues for one day, so display boards on any app instance
/// notice a change by polling one aggregate query instead of reloading the queue every second.
/// It is (tickets, sum of states, sum of call counts) per room, and it changes on every queue
/// change without a version column to maintain: a new ticket raises the count; every call or
/// recall raises a call count (which never goes down); every other transition (skip, enter exam,
/// done, cancel) only ever moves a ticket to a higher <see cref="TicketStatus"/> value, so the
/// sum rises. Keep that last property if a new transition is added.
/// </summary>
public static class QueueVersions
{
    public static async Task<string> ReadAsync(HospitalDbContext db, IReadOnlyCollection<int> roomIds, DateOnly day, CancellationToken ct = default)
    {
        var rows = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.ServiceDate == day && roomIds.Contains(t.RoomId))
            .GroupBy(t => t.RoomId)
            .Select(g => new { Room = g.Key, Count = g.Count(), States = g.Sum(t => (int)t.Status), Calls = g.Sum(t => t.CallCount) })
            .ToListAsync(ct);
        return string.Join(";", rows.OrderBy(r => r.Room).Select(r => $"{r.Room}:{r.Count}:{r.States}:{r.Calls}"));
    }
}
