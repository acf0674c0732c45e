using Hospital.Domain.Data;
namespace Hospital.Domain.Visits;

/// <summary>One line of a room's queue with what the queue page, the board and the API show.</summary>
public sealed record QueueEntry(
    int TicketId, int VisitId, int Number, PriorityGroup Priority, int PriorityRank, TicketStatus Status,
    DateTime? CalledAt, string? CalledBy, int CallCount,
    string PatientName, string PatientCode, DateOnly? DateOfBirth, int BirthYear, string VisitCode);

/// <summary>
/// A room's queue for one day, in the order people read it: waiting tickets in call order (the
/// next one first), then the called ones (latest call first), those in the exam room, the
/// skipped ones and the finished ones. Cancelled tickets are not part of the queue.
/// </summary>
public static class QueueList
{
    public static async Task<List<QueueEntry>> LoadAsync(HospitalDbContext db, int roomId, DateOnly day, CancellationToken ct = default)
    {
        var rows = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.RoomId == roomId && t.ServiceDate == day && t.Status != TicketStatus.Cancelled)
            .Select(t => new QueueEntry(t.Id, t.VisitId, t.Number, t.Priority, t.PriorityRank, t.Status,
                t.CalledAt, t.CalledBy, t.CallCount,
                t.Visit!.Patient!.FullName, t.Visit.Patient.Code, t.Visit.Patient.DateOfBirth, t.Visit.Patient.BirthYear, t.Visit.Code))
            .ToListAsync(ct);
        return Order(rows);
    }

    public static List<QueueEntry> Order(IEnumerable<QueueEntry> rows) =>
    [
        .. rows.Where(r => r.Status == TicketStatus.Waiting).OrderBy(r => r.PriorityRank).ThenBy(r => r.Number),
        .. rows.Where(r => r.Status == TicketStatus.Called).OrderByDescending(r => r.CalledAt).ThenBy(r => r.Number),
        .. rows.Where(r => r.Status == TicketStatus.InExam).OrderByDescending(r => r.CalledAt).ThenBy(r => r.Number),
        .. rows.Where(r => r.Status == TicketStatus.Skipped).OrderBy(r => r.Number),
        .. rows.Where(r => r.Status == TicketStatus.Done).OrderBy(r => r.Number),
    ];
}
