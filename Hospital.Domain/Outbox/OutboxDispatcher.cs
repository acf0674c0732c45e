using Hospital.Domain.Data;
using Microsoft.Extensions.Logging;

namespace Hospital.Domain.Outbox;

/// <summary>
/// Delivers due outbox messages. Each round claims a batch with a lease (<see cref="OutboxMessage.LockedBy"/>
/// = this instance, <see cref="OutboxMessage.LockedUntil"/> = now + lease) in one short statement,
/// then calls the handlers outside any transaction and records each outcome. Several app
/// instances may run it against one PostgreSQL database: the claim skips rows another instance
/// is claiming (<c>FOR UPDATE SKIP LOCKED</c>) or holds (unexpired lease), so no message is sent
/// twice. SQLite has a single writer, which serializes the claims by itself.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<HospitalDbContext> contexts,
    IEnumerable<IOutboxHandler> handlers,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> log,
    string instanceId)
{
    public const int MaxErrorLength = 2000;

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public string InstanceId { get; } = instanceId.Length <= 100 ? instanceId : instanceId[..100];

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(10, options.LeaseSeconds));

    /// <summary>Identifies this process in <see cref="OutboxMessage.LockedBy"/>: host, process id and a random part.</summary>
    public static string NewInstanceId() =>
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims one batch, delivers it and records the outcomes; returns how many messages were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(ct);
        for (var i = 0; i < claimed.Count; i++)
        {
            if (ct.IsCancellationRequested)
            {
                // Shutting down: hand the rest back now rather than when their lease runs out.
                await ReleaseAsync(claimed.Skip(i).Select(m => m.Id).ToList());
                break;
            }
            await DispatchAsync(claimed[i], ct);
        }
        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var size = Math.Max(1, options.BatchSize);
        var pending = nameof(OutboxState.Pending);
        var me = InstanceId;
        // Same statement on both providers, except that PostgreSQL must skip rows another
        // instance is claiming at this very moment instead of waiting for (and then re-reading) them.
        FormattableString sql;
        if (db.Database.IsNpgsql())
            sql = $"""
                UPDATE outbox_messages SET locked_by = {me}, locked_until = {until}
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE state = {pending} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY next_attempt_at, id LIMIT {size}
                             FOR UPDATE SKIP LOCKED)
                RETURNING *
                """;
        else
            sql = $"""
                UPDATE outbox_messages SET locked_by = {me}, locked_until = {until}
                WHERE id IN (SELECT id FROM outbox_messages
                             WHERE state = {pending} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                             ORDER BY next_attempt_at, id LIMIT {size})
                RETURNING *
                """;
        var claimed = await db.Set<OutboxMessage>().FromSql(sql).AsNoTracking().ToListAsync(ct);
        return claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToList();
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken ct)
    {
        // Earlier messages of the batch may have taken a while: extend the lease before sending,
        // and skip the message if it is no longer ours (lease lost, or cancelled by an admin).
        if (!await RenewLeaseAsync(message.Id, ct))
        {
            log.LogInformation("Outbox message {MessageId} skipped: lease no longer held by {Instance}", message.Id, InstanceId);
            return;
        }
        if (!_handlers.TryGetValue(message.Type, out var handler))
        {
            await RecordFailureAsync(message, $"Không có bộ xử lý cho loại tin nhắn '{message.Type}'.", Failure.NoHandler);
            return;
        }

        // The handler must finish before the lease ends, or another instance could send again.
        using var deadline = new CancellationTokenSource(Lease * 0.8, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            await handler.HandleAsync(message, linked.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync([message.Id]);
            return;
        }
        catch (PermanentOutboxFailure ex)
        {
            await RecordFailureAsync(message, ex.Message, Failure.Permanent);
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await RecordFailureAsync(message, $"Quá thời gian xử lý ({Lease.TotalSeconds * 0.8:0} giây).", Failure.Transient);
            return;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(message, $"{ex.GetType().Name}: {ex.Message}", Failure.Transient);
            return;
        }
        await RecordSentAsync(message);
    }

    private async Task<bool> RenewLeaseAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var until = clock.GetUtcNow().UtcDateTime + Lease;
        var me = InstanceId;
        var renewed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.LockedBy == me && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct);
        return renewed == 1;
    }

    // Outcomes are recorded even while shutting down (CancellationToken.None): the message was
    // handled, and forgetting that would send it again.
    private async Task RecordSentAsync(OutboxMessage message)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var me = InstanceId;
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.LockedBy == me)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null));
        log.LogInformation("Outbox message {MessageId} of type {Type} sent", message.Id, message.Type);
    }

    private enum Failure { Transient, Permanent, NoHandler }

    private async Task RecordFailureAsync(OutboxMessage message, string error, Failure failure)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        // A missing handler is a deployment gap, not the message's fault: keep it pending
        // (backing off) until a build that handles the type picks it up.
        var failedForGood = failure == Failure.Permanent || (failure == Failure.Transient && attempts >= message.MaxAttempts);
        var state = failedForGood ? OutboxState.FailedPermanently : OutboxState.Pending;
        var next = now + OutboxBackoff.Delay(attempts, Random.Shared.NextDouble());
        var text = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        var me = InstanceId;
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.LockedBy == me)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null));
        log.LogWarning("Outbox message {MessageId} of type {Type} failed (attempt {Attempt}/{MaxAttempts}, {State}): {Error}",
            message.Id, message.Type, attempts, message.MaxAttempts, state, text);
    }

    private async Task ReleaseAsync(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync();
        var me = InstanceId;
        await db.Set<OutboxMessage>()
            .Where(m => ids.Contains(m.Id) && m.LockedBy == me)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null));
    }
}
