namespace Hospital.Domain.Outbox;

/// <summary>
/// When to try a failed message again: 30 s, 1 min, 2 min, ... doubling up to 1 hour, plus up to
/// 10 % jitter so messages that failed together (a portal outage) do not all return at once.
/// </summary>
public static class OutboxBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);
    public const double MaxJitter = 0.1;

    /// <param name="attempts">Attempts made so far, including the one that just failed (1 or more).</param>
    /// <param name="jitter">A number in [0, 1), normally random; scaled to at most <see cref="MaxJitter"/>.</param>
    public static TimeSpan Delay(int attempts, double jitter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20); // 2^20 × 30 s is far past the cap already
        var seconds = Math.Min(First.TotalSeconds * Math.Pow(2, exponent), Cap.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (1 + MaxJitter * Math.Clamp(jitter, 0, 1)));
    }
}
