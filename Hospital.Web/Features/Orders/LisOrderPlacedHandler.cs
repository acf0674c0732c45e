using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Outbox;
using Hospital.Lis.Specimens;

namespace Hospital.Web.Features.Orders;

/// <summary>
/// Delivers <see cref="LabOrderHandoff.OrderPlacedType"/> to our LIS: the request's lab
/// <see cref="ServiceOrder"/>s become one lab order with a barcoded specimen per tube
/// (<see cref="LabOrdering.FromRequestAsync"/>, one SaveChanges). The outbox delivers at least
/// once, so the LIS side is idempotent: a request already made into a lab order is left as it is.
/// A failure is retried with backoff; a request that can never be made into specimens (orders
/// missing, a service without tests in the lab catalog) fails for good and shows on the outbox screen.
/// </summary>
internal sealed class LisOrderPlacedHandler(LabOrdering ordering, ILogger<LisOrderPlacedHandler> log) : IOutboxHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Type => LabOrderHandoff.OrderPlacedType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var placed = Read(message);
        var order = await ordering.FromRequestAsync(placed, ct);
        if (order is null)
            log.LogInformation("Lab request {RequestNumber} of visit {VisitId}: every order was cancelled, no specimens", placed.RequestNumber, placed.VisitId);
        else
            log.LogInformation("Lab request {RequestNumber} of visit {VisitId} is lab order {LabOrderId}", placed.RequestNumber, placed.VisitId, order.Id);
    }

    private static LabOrdersPlaced Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<LabOrdersPlaced>(message.Payload, Json)
                ?? throw new PermanentOutboxFailure("Nội dung tin nhắn rỗng.");
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailure("Nội dung tin nhắn không đọc được: " + ex.Message, ex);
        }
    }
}
