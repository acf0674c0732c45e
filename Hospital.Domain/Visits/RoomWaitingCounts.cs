using Hospital.Domain.Catalog;
using Hospital.Domain.Data;

namespace Hospital.Domain.Visits;

/// <summary>An exam room open on a day with its department and the number of tickets still waiting.</summary>
public sealed record RoomWaiting(
    int RoomId, string RoomCode, string RoomName, int DepartmentId, string DepartmentCode, string DepartmentName,
    bool HasExamService, int Waiting);

/// <summary>
/// The room picker at reception and <c>GET /api/v1/rooms</c>: every active exam room valid on the
/// day, with its waiting count, in one query (the counts use the (room, day, status) ticket index).
/// </summary>
public static class RoomWaitingCounts
{
    public static Task<List<RoomWaiting>> ForDayAsync(HospitalDbContext db, DateOnly day, CancellationToken ct = default) =>
        db.Set<Room>().AsNoTracking()
            .Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive
                        && (r.ValidFrom == null || r.ValidFrom <= day) && (r.ValidTo == null || r.ValidTo >= day))
            .OrderBy(r => r.Code)
            .Select(r => new RoomWaiting(r.Id, r.Code, r.Name, r.DepartmentId, r.Department!.Code, r.Department.Name,
                r.ExamServiceId != null,
                db.Set<QueueTicket>().Count(t => t.RoomId == r.Id && t.ServiceDate == day && t.Status == TicketStatus.Waiting)))
            .ToListAsync(ct);
}
