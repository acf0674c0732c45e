using System.Text.Json;
using Hospital.Domain.Insurance;
using Hospital.Domain.Outbox;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Outbox type <see cref="BhxhOutboxTypes.CardCheck"/>: the card check of a visit registered
/// while the portal was down (or queued on purpose). An unreachable portal throws, so the
/// outbox tries again with backoff while the visit shows "thẻ chưa kiểm tra".
/// </summary>
internal sealed class BhxhCardCheckHandler(VisitCardChecks checks) : IOutboxHandler
{
    public string Type => BhxhOutboxTypes.CardCheck;

    public Task HandleAsync(OutboxMessage message, CancellationToken ct) =>
        checks.CheckAsync(VisitPayload.Read(message).VisitId, ct);
}

internal static class VisitPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static VisitOutboxPayload Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<VisitOutboxPayload>(message.Payload, Json) is { VisitId: > 0 } p
                ? p : throw new PermanentOutboxFailure($"Nội dung tin nhắn không có visitId: {message.Payload}");
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailure($"Nội dung tin nhắn không đọc được: {ex.Message}", ex);
        }
    }
}
