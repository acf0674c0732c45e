using System.Text.Json;

namespace Hospital.Domain.Outbox;

/// <summary>
/// Reads a message's camelCase JSON payload (as <see cref="OutboxWriter"/> wrote it) for a handler.
/// A payload that cannot be read, or lacks the field that names its subject, can never succeed,
/// so it fails for good instead of being retried.
/// </summary>
public static class OutboxPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static T Read<T>(OutboxMessage message, Func<T, bool> namesItsSubject, string subjectField) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(message.Payload, Json) is { } p && namesItsSubject(p)
                ? p : throw new PermanentOutboxFailure($"Nội dung tin nhắn không có {subjectField}: {message.Payload}");
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailure($"Nội dung tin nhắn không đọc được: {ex.Message}", ex);
        }
    }
}
