namespace Hospital.Web.Features.Queues.Board;

/// <summary>
/// Wakes this instance's display-board streams the moment a queue changes here, so the board
/// does not wait for its next poll. Changes made by another instance are still seen by the
/// poll of <see cref="Hospital.Domain.Visits.QueueVersions"/>; this only shortens the delay.
/// </summary>
public sealed class QueueNotifier
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next change after the call (any room: the stream re-reads its own rooms' version).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
