using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Outbox;

/// <summary>Retry and cancel by an administrator, and what they must not touch.</summary>
public sealed class OutboxAdministrationTests
{
    private const string Type = "test.card-check";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cancel_stops_delivery_and_retry_brings_a_message_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var clock = new ManualClock(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        var ids = await OutboxTestKit.EnqueueAsync(database, clock, Type, 2);
        var handler = new RecordingHandler(Type);
        var dispatcher = OutboxTestKit.Dispatcher(database, "node-a", clock, handlers: handler);

        await using (var db = database.NewContext())
        {
            var admin = new OutboxAdministration(db, clock);
            await admin.CancelAsync(ids[0], "admin");
            var again = await Assert.ThrowsAsync<DomainException>(() => admin.CancelAsync(ids[0], "admin"));
            Assert.Equal($"Tin nhắn #{ids[0]} đã bị hủy trước đó.", again.Message);
        }
        var cancelled = await OutboxTestKit.LoadAsync(database, ids[0]);
        Assert.Equal(OutboxState.Cancelled, cancelled.State);
        Assert.Equal("admin", cancelled.HandledBy);

        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal([ids[1]], handler.Sent.Select(s => s.Id));

        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var db = database.NewContext())
        {
            var admin = new OutboxAdministration(db, clock);
            await admin.RetryAsync(ids[0], "quantri2");
            var sent = await Assert.ThrowsAsync<DomainException>(() => admin.RetryAsync(ids[1], "admin"));
            Assert.Contains("đã gửi thành công", sent.Message);
            await Assert.ThrowsAsync<DomainException>(() => admin.CancelAsync(ids[1], "admin"));
            var missing = await Assert.ThrowsAsync<DomainException>(() => admin.RetryAsync(999_999, "admin"));
            Assert.Equal("Không tìm thấy tin nhắn #999999.", missing.Message);
        }
        var retried = await OutboxTestKit.LoadAsync(database, ids[0]);
        Assert.Equal(OutboxState.Pending, retried.State);
        Assert.Equal(clock.UtcNow, retried.NextAttemptAt);
        Assert.Equal("quantri2", retried.HandledBy);

        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal([ids[1], ids[0]], handler.Sent.Select(s => s.Id));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Retrying_an_exhausted_message_grants_more_attempts_and_a_message_being_sent_is_left_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        var clock = new ManualClock(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        var ids = await OutboxTestKit.EnqueueAsync(database, clock, Type, 2, maxAttempts: 1);
        var handler = new RecordingHandler(Type) { Fail = _ => new TimeoutException("Hết thời gian chờ") };
        await OutboxTestKit.Dispatcher(database, "node-a", clock, handlers: handler).RunOnceAsync();
        Assert.Equal(OutboxState.FailedPermanently, (await OutboxTestKit.LoadAsync(database, ids[0])).State);

        await using var db = database.NewContext();
        var until = clock.UtcNow.AddMinutes(2);
        await db.Set<OutboxMessage>().Where(m => m.Id == ids[1])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "node-b").SetProperty(m => m.LockedUntil, until));
        var admin = new OutboxAdministration(db, clock);

        await admin.RetryAsync(ids[0], "admin");
        var retried = await OutboxTestKit.LoadAsync(database, ids[0]);
        Assert.Equal(OutboxState.Pending, retried.State);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(1 + OutboxAdministration.ManualRetryAttempts, retried.MaxAttempts);

        var busy = await Assert.ThrowsAsync<DomainException>(() => admin.CancelAsync(ids[1], "admin"));
        Assert.Equal($"Tin nhắn #{ids[1]} đang được gửi; hãy thử lại sau ít phút.", busy.Message);
        await Assert.ThrowsAsync<DomainException>(() => admin.RetryAsync(ids[1], "admin"));
        Assert.Null((await OutboxTestKit.LoadAsync(database, ids[1])).HandledBy);
    }
}
