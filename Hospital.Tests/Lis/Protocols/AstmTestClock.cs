namespace Hospital.Tests.Lis.Protocols;

/// <summary>A clock the test moves by hand, so the link layer's 1/10/15/20/30 s timers run without waiting.</summary>
public sealed class AstmTestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
