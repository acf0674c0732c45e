using System.Collections.Concurrent;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hospital.Tests.Outbox;

/// <summary>Contexts for one dispatcher, each new (as the app's factory gives them).</summary>
internal sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<HospitalDbContext>
{
    public HospitalDbContext CreateDbContext() => database.NewContext();
}

/// <summary>A clock the test moves by hand, to make backoff due without waiting.</summary>
internal sealed class ManualClock(DateTime start) : TimeProvider
{
    public DateTime UtcNow { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    public void Advance(TimeSpan by) => UtcNow += by;
}

/// <summary>Records every delivery (message id, instance) and can be told to fail.</summary>
internal sealed class RecordingHandler(string type) : IOutboxHandler
{
    public string Type => type;
    public ConcurrentQueue<(long Id, string Payload)> Sent { get; } = new();
    public Func<OutboxMessage, Exception?> Fail { get; set; } = _ => null;
    public Func<Task> Work { get; set; } = () => Task.CompletedTask;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        await Work();
        if (Fail(message) is { } error) throw error;
        Sent.Enqueue((message.Id, message.Payload));
    }
}

internal static class OutboxTestKit
{
    public static OutboxDispatcher Dispatcher(TestDatabase database, string instance, TimeProvider clock,
        int batchSize = 20, params IOutboxHandler[] handlers) =>
        new(new TestContextFactory(database), handlers,
            new OutboxOptions { BatchSize = batchSize, LeaseSeconds = 120 }, clock,
            NullLogger<OutboxDispatcher>.Instance, instance);

    public static async Task<List<long>> EnqueueAsync(TestDatabase database, TimeProvider clock, string type, int count, int maxAttempts = 10)
    {
        await using var db = database.NewContext();
        var messages = Enumerable.Range(1, count)
            .Select(i => OutboxWriter.Enqueue(db, clock, type, $$"""{"n":{{i}}}""", $"REF-{i:0000}", maxAttempts))
            .ToList();
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    public static async Task<OutboxMessage> LoadAsync(TestDatabase database, long id)
    {
        await using var db = database.NewContext();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
