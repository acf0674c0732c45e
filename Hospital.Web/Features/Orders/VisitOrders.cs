using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Emr.Orders;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Orders;

/// <summary>One order as the panel shows it, with its price and current results.</summary>
public sealed record OrderLine(
    long Id, string RequestNumber, string ServiceCode, string ServiceName, OrderKind Kind, OrderStatus Status,
    decimal? Price, DateTime OrderedAt, string OrderedBy, string? VoidReason, DateTime? PerformedAt,
    string? ResultText, string? ResultConclusion, IReadOnlyList<ServiceResult> Results)
{
    public bool Cancellable => Status is OrderStatus.Ordered or OrderStatus.InProgress && Results.Count == 0 && PerformedAt is null;
}

/// <summary>What the orders panel shows for a visit: its orders grouped by request, the order sets, whether it is locked.</summary>
public sealed record VisitOrdersView(int VisitId, string? LockedReason, IReadOnlyList<OrderLine> Orders, IReadOnlyList<OrderSet> OrderSets)
{
    public IEnumerable<IGrouping<string, OrderLine>> Requests =>
        Orders.GroupBy(o => o.RequestNumber).OrderByDescending(g => g.Max(o => o.OrderedAt));

    public static async Task<VisitOrdersView?> LoadAsync(HospitalDbContext db, int visitId, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return null;
        var locked = await ServiceOrdering.WhyLockedAsync(db, visit, ct);
        var orders = await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.VisitId == visitId)
            .OrderBy(o => o.OrderedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var chargeIds = orders.Where(o => o.ChargeId != null).Select(o => o.ChargeId!.Value).ToList();
        var prices = await db.Set<Charge>().AsNoTracking().Where(c => chargeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Amount, ct);
        var results = (await db.Set<ServiceResult>().AsNoTracking()
                .Where(r => ids.Contains(r.ServiceOrderId) && r.SupersededAt == null).ToListAsync(ct))
            .OrderBy(r => r.Id).ToLookup(r => r.ServiceOrderId);
        var lines = orders.Select(o => new OrderLine(o.Id, o.RequestNumber, o.ServiceCode, o.ServiceName, o.Kind, o.Status,
            o.ChargeId is { } c && prices.TryGetValue(c, out var p) ? p : null, o.OrderedAt, o.OrderedBy, o.VoidReason, o.PerformedAt,
            o.ResultText, o.ResultConclusion, results[o.Id].ToList())).ToList();
        var sets = locked is null
            ? (await db.Set<OrderSet>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).ToListAsync(ct))
                .Where(s => s.IsValidOn(visit.VisitDate)).ToList()
            : [];
        return new VisitOrdersView(visitId, locked, lines, sets);
    }
}

/// <summary>The result of the last action, shown at the top of the panel; duplicates ask to confirm ordering again.</summary>
public sealed record OrderPanelNotice(
    string? Error = null, string? Success = null, IReadOnlyList<string>? Duplicates = null,
    IReadOnlyList<int>? ServiceIds = null, int? OrderSetId = null);
