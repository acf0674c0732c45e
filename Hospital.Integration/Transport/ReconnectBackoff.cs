namespace Hospital.Integration.Transport;

/// <summary>
/// Delays between connection attempts: exponential from <see cref="Initial"/> up to <see cref="Maximum"/>,
/// with ±<see cref="Jitter"/> so fifty analysers restarting together do not reconnect in lockstep.
/// </summary>
public sealed record ReconnectBackoff
{
    public TimeSpan Initial { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Maximum { get; init; } = TimeSpan.FromSeconds(60);
    public double Multiplier { get; init; } = 2;
    /// <summary>Fraction of the delay added or removed at random (0 = none).</summary>
    public double Jitter { get; init; } = 0.2;

    public static readonly ReconnectBackoff Default = new();

    /// <summary>The delay before attempt n+1 after n failed attempts (n ≥ 1).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var ms = Initial.TotalMilliseconds * Math.Pow(Multiplier, Math.Min(failedAttempts - 1, 30));
        ms = Math.Min(ms, Maximum.TotalMilliseconds);
        if (Jitter > 0) ms *= 1 + Jitter * (Random.Shared.NextDouble() * 2 - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, ms));
    }
}
