namespace Hospital.Domain.Outbox;

/// <summary>
/// Delivers one kind of message (<see cref="OutboxMessage.Type"/>) to an outside system.
/// Registered in DI; the dispatcher picks the handler whose <see cref="Type"/> matches.
/// Throw on failure: the message is tried again later with backoff, or at once marked failed
/// for good with <see cref="PermanentOutboxFailure"/>. A message may in rare cases be delivered
/// twice (the process dies after sending, before recording it), so send with an idempotency key
/// (e.g. the message id) where the outside system accepts one.
/// </summary>
public interface IOutboxHandler
{
    string Type { get; }
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Trying again cannot help (the portal rejected the content): the message is failed at once.</summary>
public sealed class PermanentOutboxFailure(string message, Exception? inner = null) : Exception(message, inner);
