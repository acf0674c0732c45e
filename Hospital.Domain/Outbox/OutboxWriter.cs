using System.Text.Json;
using Hospital.Domain.Data;

namespace Hospital.Domain.Outbox;

/// <summary>
/// Adds a message to the caller's unit of work: it is stored by the caller's SaveChanges,
/// together with the change that caused it, or not at all.
/// </summary>
public sealed class OutboxWriter(HospitalDbContext db, TimeProvider clock)
{
    public const int DefaultMaxAttempts = 10;

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public OutboxMessage Enqueue(string type, string payload, string? reference = null, int maxAttempts = DefaultMaxAttempts) =>
        Enqueue(db, clock, type, payload, reference, maxAttempts);

    /// <summary>Payload as camelCase JSON.</summary>
    public OutboxMessage Enqueue<T>(string type, T payload, string? reference = null, int maxAttempts = DefaultMaxAttempts) =>
        Enqueue(db, clock, type, payload, reference, maxAttempts);

    /// <summary>Payload as camelCase JSON, on a context the caller holds (e.g. inside its own transaction).</summary>
    public static OutboxMessage Enqueue<T>(DbContext db, TimeProvider clock, string type, T payload,
        string? reference = null, int maxAttempts = DefaultMaxAttempts) =>
        Enqueue(db, clock, type, JsonSerializer.Serialize(payload, PayloadJson), reference, maxAttempts);

    public static OutboxMessage Enqueue(DbContext db, TimeProvider clock, string type, string payload,
        string? reference = null, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Type = type,
            Reference = reference,
            Payload = payload,
            State = OutboxState.Pending,
            MaxAttempts = maxAttempts,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
