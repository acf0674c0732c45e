using Hospital.Domain.Data;
using Hospital.Domain.Common;

namespace Hospital.Domain.Visits;

/// <summary>
/// The doctor's (or nurse's) buttons on a room's queue. How a Vietnamese outpatient room works,
/// and so what each button does:
/// <list type="bullet">
/// <item><b>Gọi số tiếp theo</b> (<see cref="CallNextAsync"/>): the first waiting ticket in call order
/// (<see cref="QueuePriority"/> rank, then number) is called and shows on the board. The patient this
/// same person called before and did not skip has, by now, walked in: that ticket becomes
/// <see cref="TicketStatus.InExam"/> (and its visit too). Tickets another doctor of a shared room
/// called are left alone, so two desks in one room do not close each other's patients.</item>
/// <item><b>Bỏ qua</b> (<see cref="SkipAsync"/>): a called patient did not come. The ticket leaves the
/// call order (it is not put back at the end automatically: a patient who stepped out would otherwise
/// be called again and again) and waits in the "skipped" list until the patient shows up at the desk.</item>
/// <item><b>Gọi lại</b> (<see cref="RecallAsync"/>): call a called or skipped ticket again; the board
/// shows and flashes it again and the call count goes up.</item>
/// <item><b>Bắt đầu khám</b> (<see cref="StartExamAsync"/>): the patient is in the room; ticket and
/// visit become "in exam". Allowed from waiting too (a patient taken directly, e.g. sent back by the lab).</item>
/// </list>
/// Every change is one conditional update "… WHERE id = x AND status IN (allowed)" inside a
/// transaction, followed by the audited save: two doctors pressing "call next" at the same moment
/// cannot both claim one ticket; the loser sees zero rows changed and takes the next ticket.
/// </summary>
public sealed class QueueCalls(HospitalDbContext db, TimeProvider clock)
{
    /// <summary>Rounds of "someone else claimed it first" before giving up (only under extreme contention).</summary>
    private const int MaxAttempts = 20;

    private static readonly TicketStatus[] Callable = [TicketStatus.Waiting];
    private static readonly TicketStatus[] Skippable = [TicketStatus.Called];
    private static readonly TicketStatus[] Recallable = [TicketStatus.Called, TicketStatus.Skipped];
    private static readonly TicketStatus[] Startable = [TicketStatus.Waiting, TicketStatus.Called, TicketStatus.Skipped];

    /// <summary>Calls the next waiting ticket of the room for the day, or returns null when nobody waits.</summary>
    public async Task<QueueTicket?> CallNextAsync(int roomId, DateOnly day, string user, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var nextId = await db.Set<QueueTicket>().AsNoTracking()
                .Where(t => t.RoomId == roomId && t.ServiceDate == day && t.Status == TicketStatus.Waiting)
                .OrderBy(t => t.PriorityRank).ThenBy(t => t.Number)
                .Select(t => (int?)t.Id)
                .FirstOrDefaultAsync(ct);
            if (nextId is null) return null;

            var called = await ChangeAsync(nextId.Value, Callable, TicketStatus.Called, async ticket =>
            {
                Called(ticket, user);
                // The patients this caller called earlier answered the call (or were skipped, which moved them away from Called).
                var previous = await db.Set<QueueTicket>().Include(t => t.Visit)
                    .Where(t => t.RoomId == roomId && t.ServiceDate == day && t.Status == TicketStatus.Called
                                && t.CalledBy == user && t.Id != ticket.Id)
                    .ToListAsync(ct);
                foreach (var p in previous) EnterExam(p);
            }, ct);
            if (called is not null) return called;
        }
        throw new DomainException("Nhiều người cùng gọi số ở phòng này; vui lòng bấm gọi lại sau giây lát.");
    }

    public Task<QueueTicket> SkipAsync(int ticketId, CancellationToken ct = default) =>
        RequireAsync(ticketId, Skippable, TicketStatus.Skipped, _ => Task.CompletedTask, "bỏ qua", ct);

    public Task<QueueTicket> RecallAsync(int ticketId, string user, CancellationToken ct = default) =>
        RequireAsync(ticketId, Recallable, TicketStatus.Called, t => { Called(t, user); return Task.CompletedTask; }, "gọi lại", ct);

    public Task<QueueTicket> StartExamAsync(int ticketId, CancellationToken ct = default) =>
        RequireAsync(ticketId, Startable, TicketStatus.InExam, t => { EnterExam(t); return Task.CompletedTask; }, "bắt đầu khám", ct);

    private void Called(QueueTicket ticket, string user)
    {
        ticket.CalledAt = clock.GetUtcNow().UtcDateTime;
        ticket.CalledBy = user;
        ticket.CallCount++;
    }

    private static void EnterExam(QueueTicket ticket)
    {
        ticket.Status = TicketStatus.InExam;
        if (ticket.Visit is { Status: VisitStatus.Waiting } visit) visit.Status = VisitStatus.InExam;
    }

    private async Task<QueueTicket> RequireAsync(int ticketId, TicketStatus[] from, TicketStatus to,
        Func<QueueTicket, Task> apply, string action, CancellationToken ct)
    {
        if (await ChangeAsync(ticketId, from, to, apply, ct) is { } changed) return changed;
        var current = await db.Set<QueueTicket>().AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Number, t.Status }).FirstOrDefaultAsync(ct);
        throw new DomainException(current is null
            ? "Không tìm thấy số thứ tự này."
            : $"Số {current.Number} đang ở trạng thái \"{TicketStatuses.Label(current.Status)}\" nên không thể {action}.");
    }

    /// <summary>
    /// Moves the ticket from one of <paramref name="from"/> to <paramref name="to"/> and applies the
    /// rest of the change, all in one transaction; null when the ticket was not in an allowed state
    /// (any more). The conditional UPDATE is the claim: on PostgreSQL a concurrent claimant blocks on
    /// the row until this commits, then re-reads the status and matches nothing; on SQLite writers
    /// are serialized by BEGIN IMMEDIATE. The tracked change after it writes the audit row.
    /// </summary>
    private async Task<QueueTicket?> ChangeAsync(int ticketId, TicketStatus[] from, TicketStatus to,
        Func<QueueTicket, Task> apply, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = await db.Set<QueueTicket>().Include(t => t.Visit).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !from.Contains(ticket.Status)) return Forget(ticket);
        var claimed = await db.Set<QueueTicket>()
            .Where(t => t.Id == ticketId && from.Contains(t.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, to), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return Forget(ticket);
        }
        ticket.Status = to;
        await apply(ticket);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    private QueueTicket? Forget(QueueTicket? ticket)
    {
        if (ticket is not null)
        {
            if (ticket.Visit is { } v) db.Entry(v).State = EntityState.Detached;
            db.Entry(ticket).State = EntityState.Detached;
        }
        return null;
    }
}
