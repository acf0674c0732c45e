using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.StockReports;

public sealed record ExpiryAlert(string StoreCode, string StoreName, string DrugCode, string DrugName, string Unit,
    string LotNumber, DateOnly Expiry, bool Recalled, decimal OnHand, ExpiryState State, int DaysLeft);

public sealed record MinimumAlert(string StoreCode, string StoreName, string DrugCode, string DrugName, string Unit, decimal Usable, decimal Minimum);

public sealed record SlowMoverAlert(string StoreCode, string StoreName, string DrugCode, string DrugName, string Unit,
    decimal OnHand, DateOnly FirstIn, DateOnly? LastIssued);

public sealed record StockAlertList(IReadOnlyList<ExpiryAlert> NearExpiry, IReadOnlyList<MinimumAlert> BelowMinimum,
    IReadOnlyList<SlowMoverAlert> SlowMovers, int NearExpiryMonths, int SlowMoverDays)
{
    public int Count => NearExpiry.Count + BelowMinimum.Count + SlowMovers.Count;
}

/// <summary>
/// The pharmacy's warnings for one store or all: lots near or past their expiry (with stock), drugs
/// whose usable stock (not expired, not recalled) is under the store's minimum, and slow movers.
/// </summary>
public sealed class StockAlerts(HospitalDbContext db, IOptions<StockAlertOptions> options, TimeProvider clock)
{
    private static readonly StockMovementKind[] Issues = [StockMovementKind.Dispense, StockMovementKind.TransferOut];

    public async Task<StockAlertList> ListAsync(int? storeId, CancellationToken ct = default)
    {
        var (months, days) = (options.Value.NearExpiryMonths, options.Value.SlowMoverDays);
        var today = VietnamTime.Today(clock);
        var stores = await db.Set<Store>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var stock = await (from b in db.Set<StockBalance>().AsNoTracking()
                           join l in db.Set<DrugLot>() on b.LotId equals l.Id
                           where b.OnHand > 0 && (storeId == null || b.StoreId == storeId)
                           select new { b.StoreId, b.DrugId, l.LotNumber, l.Expiry, Recalled = l.RecalledAt != null, b.OnHand }).ToListAsync(ct);
        var levels = await db.Set<StoreDrugLevel>().AsNoTracking()
            .Where(x => x.MinimumStock > 0 && (storeId == null || x.StoreId == storeId)).ToListAsync(ct);
        var drugIds = stock.Select(s => s.DrugId).Concat(levels.Select(l => l.DrugId)).Distinct().ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name, d.Unit }).ToDictionaryAsync(d => d.Id, ct);

        var nearExpiry = stock
            .Select(s => (s, State: StockAlertRules.Expiry(s.Expiry, today, months)))
            .Where(x => x.State != ExpiryState.Fine)
            .Select(x => new ExpiryAlert(stores[x.s.StoreId].Code, stores[x.s.StoreId].Name, drugs[x.s.DrugId].Code, drugs[x.s.DrugId].Name,
                drugs[x.s.DrugId].Unit, x.s.LotNumber, x.s.Expiry, x.s.Recalled, x.s.OnHand, x.State, x.s.Expiry.DayNumber - today.DayNumber))
            .OrderBy(a => a.Expiry).ThenBy(a => a.DrugName, StringComparer.Ordinal).ThenBy(a => a.StoreCode, StringComparer.Ordinal).ToList();

        var usable = stock.Where(s => !s.Recalled && s.Expiry >= today)
            .GroupBy(s => (s.StoreId, s.DrugId)).ToDictionary(g => g.Key, g => g.Sum(s => s.OnHand));
        var belowMinimum = levels
            .Select(l => (l, Usable: usable.GetValueOrDefault((l.StoreId, l.DrugId))))
            .Where(x => StockAlertRules.BelowMinimum(x.Usable, x.l.MinimumStock))
            .Select(x => new MinimumAlert(stores[x.l.StoreId].Code, stores[x.l.StoreId].Name, drugs[x.l.DrugId].Code, drugs[x.l.DrugId].Name,
                drugs[x.l.DrugId].Unit, x.Usable, x.l.MinimumStock))
            .OrderBy(a => a.StoreCode, StringComparer.Ordinal).ThenBy(a => a.DrugName, StringComparer.Ordinal).ToList();

        var slowMovers = await SlowMoversAsync(stock.GroupBy(s => (s.StoreId, s.DrugId)).ToDictionary(g => g.Key, g => g.Sum(s => s.OnHand)), today, days, ct);
        return new StockAlertList(nearExpiry,
            belowMinimum,
            slowMovers.Select(x => new SlowMoverAlert(stores[x.StoreId].Code, stores[x.StoreId].Name, drugs[x.DrugId].Code, drugs[x.DrugId].Name,
                    drugs[x.DrugId].Unit, x.OnHand, x.FirstIn, x.LastIssued))
                .OrderBy(a => a.LastIssued ?? a.FirstIn).ThenBy(a => a.DrugName, StringComparer.Ordinal).ToList(),
            months, days);
    }

    /// <summary>
    /// Pairs (store, drug) with stock and no issue since the cut-off are found from the recent rows
    /// alone (the (store, occurred_at) index); only those few are then looked up in the older rows.
    /// </summary>
    private async Task<List<(int StoreId, int DrugId, decimal OnHand, DateOnly FirstIn, DateOnly? LastIssued)>> SlowMoversAsync(
        Dictionary<(int StoreId, int DrugId), decimal> onHand, DateOnly today, int days, CancellationToken ct)
    {
        var since = VietnamTime.StartOfDayUtc(today.AddDays(-days + 1));
        var storeIds = onHand.Keys.Select(k => k.StoreId).Distinct().ToList();
        var recentlyIssued = (await db.Set<StockMovement>().AsNoTracking()
                .Where(m => storeIds.Contains(m.StoreId) && m.OccurredAt >= since && Issues.Contains(m.Kind))
                .Select(m => new { m.StoreId, m.DrugId }).Distinct().ToListAsync(ct))
            .Select(m => (m.StoreId, m.DrugId)).ToHashSet();
        var candidates = onHand.Keys.Where(k => !recentlyIssued.Contains(k)).ToList();
        if (candidates.Count == 0) return [];
        var candidateDrugs = candidates.Select(c => c.DrugId).Distinct().ToList();
        var history = await db.Set<StockMovement>().AsNoTracking()
            .Where(m => storeIds.Contains(m.StoreId) && candidateDrugs.Contains(m.DrugId))
            .GroupBy(m => new { m.StoreId, m.DrugId })
            .Select(g => new
            {
                g.Key.StoreId, g.Key.DrugId,
                FirstIn = g.Min(m => m.OccurredAt),
                LastIssued = g.Max(m => m.Kind == StockMovementKind.Dispense || m.Kind == StockMovementKind.TransferOut ? (DateTime?)m.OccurredAt : null),
            })
            .ToListAsync(ct);
        return history
            .Where(h => onHand.ContainsKey((h.StoreId, h.DrugId)) && !recentlyIssued.Contains((h.StoreId, h.DrugId)))
            .Select(h => (h.StoreId, h.DrugId, OnHand: onHand[(h.StoreId, h.DrugId)], FirstIn: DateOf(h.FirstIn), LastIssued: h.LastIssued is { } l ? DateOf(l) : (DateOnly?)null))
            .Where(h => StockAlertRules.SlowMover(h.OnHand, h.FirstIn, h.LastIssued, today, days))
            .ToList();
    }

    private static DateOnly DateOf(DateTime utc) => Hospital.Domain.Common.VietnamCalendar.DateOf(utc);
}
