namespace Hospital.Domain.Clinical;

/// <summary>
/// How lab orders reach the LIS. The LIS's input is the <see cref="ServiceOrder"/> rows with
/// <see cref="OrderKind.Lab"/> and <see cref="OrderStatus.Ordered"/>; ordering also queues one
/// outbox message of type <see cref="OrderPlacedType"/> per request, in the same transaction as
/// the orders, so the LIS learns of new work without polling and no request is ever announced
/// that was not stored (or stored and never announced).
/// </summary>
public static class LabOrderHandoff
{
    public const string OrderPlacedType = "lis.order-placed";
}

/// <summary>Payload of <see cref="LabOrderHandoff.OrderPlacedType"/> (camelCase JSON): the request and its lab orders.</summary>
public sealed record LabOrdersPlaced(string RequestNumber, int VisitId, IReadOnlyList<long> OrderIds);
