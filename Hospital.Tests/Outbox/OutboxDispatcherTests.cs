using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Outbox;

/// <summary>Delivery, failure handling and leases of the outbox dispatcher on a real database.</summary>
public sealed class OutboxDispatcherTests
{
    private const string Type = "test.card-check";

    private static async Task<TestDatabase> NewDatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_dispatchers_running_at_once_send_every_message_exactly_once(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        var ids = await OutboxTestKit.EnqueueAsync(database, TimeProvider.System, Type, 200);
        var handlers = new[] { new RecordingHandler(Type), new RecordingHandler(Type) };
        foreach (var h in handlers) h.Work = () => Task.Delay(Random.Shared.Next(0, 3));
        var dispatchers = new[]
        {
            OutboxTestKit.Dispatcher(database, "node-a", TimeProvider.System, 7, handlers[0]),
            OutboxTestKit.Dispatcher(database, "node-b", TimeProvider.System, 7, handlers[1]),
        };

        using var start = new ManualResetEventSlim();
        var runs = dispatchers.Select(d => Task.Run(async () =>
        {
            start.Wait();
            while (await d.RunOnceAsync() > 0) { }
        })).ToArray();
        start.Set();
        await Task.WhenAll(runs);

        var sent = handlers.SelectMany(h => h.Sent.Select(s => s.Id)).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count()); // never twice
        Assert.Equal(ids.Order(), sent.Order());            // and none left out
        Assert.All(handlers, h => Assert.NotEmpty(h.Sent)); // both instances really took part

        await using var db = database.NewContext();
        var states = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        Assert.All(states, m =>
        {
            Assert.Equal(OutboxState.Sent, m.State);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.SentAt);
            Assert.Null(m.LockedBy);
            Assert.Null(m.LockedUntil);
        });
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_failure_backs_off_exponentially_until_the_attempts_are_used_up(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        var clock = new ManualClock(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        var id = (await OutboxTestKit.EnqueueAsync(database, clock, Type, 1, maxAttempts: 3)).Single();
        var handler = new RecordingHandler(Type) { Fail = _ => new HttpRequestException("Cổng BHXH không phản hồi") };
        var dispatcher = OutboxTestKit.Dispatcher(database, "node-a", clock, handlers: handler);

        Assert.Equal(1, await dispatcher.RunOnceAsync());
        var m = await OutboxTestKit.LoadAsync(database, id);
        Assert.Equal(OutboxState.Pending, m.State);
        Assert.Equal(1, m.Attempts);
        Assert.Equal("HttpRequestException: Cổng BHXH không phản hồi", m.LastError);
        Assert.InRange(m.NextAttemptAt, clock.UtcNow.AddSeconds(30), clock.UtcNow.AddSeconds(33.001));
        Assert.Null(m.LockedBy);
        Assert.Null(m.LockedUntil);

        Assert.Equal(0, await dispatcher.RunOnceAsync()); // not due yet
        clock.UtcNow = m.NextAttemptAt;
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        m = await OutboxTestKit.LoadAsync(database, id);
        Assert.Equal(2, m.Attempts);
        Assert.InRange(m.NextAttemptAt, clock.UtcNow.AddSeconds(60), clock.UtcNow.AddSeconds(66.001));

        clock.UtcNow = m.NextAttemptAt;
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        m = await OutboxTestKit.LoadAsync(database, id);
        Assert.Equal(OutboxState.FailedPermanently, m.State);
        Assert.Equal(3, m.Attempts);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.RunOnceAsync());
        Assert.Empty(handler.Sent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_permanent_failure_fails_at_once_and_long_errors_are_cut(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        var id = (await OutboxTestKit.EnqueueAsync(database, TimeProvider.System, Type, 1)).Single();
        var handler = new RecordingHandler(Type) { Fail = _ => new PermanentOutboxFailure("Mã thẻ không hợp lệ: " + new string('x', 3000)) };
        await OutboxTestKit.Dispatcher(database, "node-a", TimeProvider.System, handlers: handler).RunOnceAsync();

        var m = await OutboxTestKit.LoadAsync(database, id);
        Assert.Equal(OutboxState.FailedPermanently, m.State);
        Assert.Equal(1, m.Attempts);
        Assert.Equal(OutboxDispatcher.MaxErrorLength, m.LastError!.Length);
        Assert.StartsWith("Mã thẻ không hợp lệ", m.LastError);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_message_without_a_handler_waits_with_a_clear_error_and_is_not_lost(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        var clock = new ManualClock(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        var id = (await OutboxTestKit.EnqueueAsync(database, clock, "eprescription.submit", 1, maxAttempts: 1)).Single();
        var dispatcher = OutboxTestKit.Dispatcher(database, "node-a", clock, handlers: new RecordingHandler(Type));

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(1, await dispatcher.RunOnceAsync());
            var m = await OutboxTestKit.LoadAsync(database, id);
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal("Không có bộ xử lý cho loại tin nhắn 'eprescription.submit'.", m.LastError);
            Assert.True(m.NextAttemptAt > clock.UtcNow);
            clock.UtcNow = m.NextAttemptAt;
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_lease_is_respected_until_it_expires_then_the_message_is_taken_over(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        var clock = new ManualClock(DateTime.UtcNow);
        var id = (await OutboxTestKit.EnqueueAsync(database, clock, Type, 1)).Single();
        await using (var db = database.NewContext())
        {
            var until = clock.UtcNow.AddSeconds(60);
            await db.Set<OutboxMessage>().Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "crashed-node").SetProperty(m => m.LockedUntil, until));
        }
        var handler = new RecordingHandler(Type);
        var dispatcher = OutboxTestKit.Dispatcher(database, "node-b", clock, handlers: handler);

        Assert.Equal(0, await dispatcher.RunOnceAsync());
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Equal(id, Assert.Single(handler.Sent).Id);
        Assert.Equal(OutboxState.Sent, (await OutboxTestKit.LoadAsync(database, id)).State);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_writer_stores_a_message_only_with_the_callers_unit_of_work(DatabaseProvider provider)
    {
        await using var database = await NewDatabaseAsync(provider);
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            new OutboxWriter(db, TimeProvider.System).Enqueue(Type, new { MaLk = "LK001", Cccd = "001203004005" }, "LK001");
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using (var db = database.NewContext())
        {
            Assert.False(await db.Set<OutboxMessage>().AnyAsync());
            var m = new OutboxWriter(db, TimeProvider.System).Enqueue(Type, new { MaLk = "LK002" }, "LK002");
            await db.SaveChangesAsync();
            var stored = await OutboxTestKit.LoadAsync(database, m.Id);
            Assert.Equal("""{"maLk":"LK002"}""", stored.Payload);
            Assert.Equal(OutboxState.Pending, stored.State);
            Assert.Equal("LK002", stored.Reference);
            Assert.True(stored.NextAttemptAt <= DateTime.UtcNow);
        }
    }
}
