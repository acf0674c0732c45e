using Hospital.Domain.Outbox;

namespace Hospital.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)] // 3840 s capped at one hour
    [InlineData(50, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void Doubles_from_30_seconds_up_to_one_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxBackoff.Delay(attempts, jitter: 0));

    [Fact]
    public void Jitter_adds_at_most_ten_percent()
    {
        Assert.Equal(TimeSpan.FromSeconds(33), OutboxBackoff.Delay(1, jitter: 1));
        Assert.Equal(TimeSpan.FromSeconds(3960), OutboxBackoff.Delay(20, jitter: 1));
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var d = OutboxBackoff.Delay(3, random.NextDouble());
            Assert.InRange(d, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(132));
        }
    }

    [Fact]
    public void Never_shrinks_as_attempts_grow()
    {
        var previous = TimeSpan.Zero;
        for (var attempts = 1; attempts < 40; attempts++)
        {
            var d = OutboxBackoff.Delay(attempts, 0);
            Assert.True(d >= previous);
            previous = d;
        }
    }
}
