using Hospital.Domain.Common;
using Hospital.Domain.Data;

namespace Hospital.Domain.Outbox;

/// <summary>
/// What an administrator may do with a message by hand: send it again or cancel it. Neither
/// touches a message a dispatcher is sending right now (unexpired lease), so the outcome the
/// dispatcher records is never overwritten.
/// </summary>
public sealed class OutboxAdministration(HospitalDbContext db, TimeProvider clock)
{
    /// <summary>A retried message that had used all its attempts gets this many more.</summary>
    public const int ManualRetryAttempts = 3;

    /// <summary>Pending again, due now. Allowed for every state except Sent.</summary>
    public async Task RetryAsync(long id, string user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await Idle(now)
            .Where(m => m.Id == id && m.State != OutboxState.Sent)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.MaxAttempts, m => m.Attempts >= m.MaxAttempts ? m.Attempts + ManualRetryAttempts : m.MaxAttempts)
                .SetProperty(m => m.HandledBy, user), ct);
        if (changed == 0) throw await RefusalAsync(id, now, "gửi lại", ct);
    }

    /// <summary>Never to be sent. Allowed for Pending and FailedPermanently messages.</summary>
    public async Task CancelAsync(long id, string user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await Idle(now)
            .Where(m => m.Id == id && (m.State == OutboxState.Pending || m.State == OutboxState.FailedPermanently))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Cancelled)
                .SetProperty(m => m.HandledBy, user), ct);
        if (changed == 0) throw await RefusalAsync(id, now, "hủy", ct);
    }

    private IQueryable<OutboxMessage> Idle(DateTime now) =>
        db.Set<OutboxMessage>().Where(m => m.LockedUntil == null || m.LockedUntil < now);

    /// <summary>Why the conditional update changed nothing, in words for the administrator.</summary>
    private async Task<DomainException> RefusalAsync(long id, DateTime now, string verb, CancellationToken ct)
    {
        var m = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => x.Id == id).Select(x => new { x.State, x.LockedUntil }).SingleOrDefaultAsync(ct);
        return new DomainException(m switch
        {
            null => $"Không tìm thấy tin nhắn #{id}.",
            { LockedUntil: { } until } when until >= now => $"Tin nhắn #{id} đang được gửi; hãy thử lại sau ít phút.",
            { State: OutboxState.Sent } => $"Tin nhắn #{id} đã gửi thành công, không thể {verb}.",
            { State: OutboxState.Cancelled } => $"Tin nhắn #{id} đã bị hủy trước đó.",
            _ => $"Không thể {verb} tin nhắn #{id} ở trạng thái hiện tại.",
        });
    }
}
