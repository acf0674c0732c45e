using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Outbox;

/// <summary>The dispatcher loop hosted by the app (tests elsewhere switch it off and drive it by hand).</summary>
public sealed class OutboxHostedServiceTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_app_polls_the_outbox_when_enabled(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "true",
            ["Outbox:PollSeconds"] = "1",
        });
        // No module registers a handler for this type: the loop must still pick it up and say so.
        var id = (await OutboxTestKit.EnqueueAsync(app.Database, TimeProvider.System, "test.no-handler", 1)).Single();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        OutboxMessage m;
        do
        {
            await Task.Delay(200);
            m = await OutboxTestKit.LoadAsync(app.Database, id);
        }
        while (m.Attempts == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, m.Attempts);
        Assert.Equal(OutboxState.Pending, m.State);
        Assert.Equal("Không có bộ xử lý cho loại tin nhắn 'test.no-handler'.", m.LastError);
        Assert.Null(m.LockedBy);
    }
}
