using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.StockReports;

/// <summary>
/// The monthly stock report (báo cáo xuất – nhập – tồn) of one store or all, per drug or per lot, and
/// its controlled-drug version (narcotic, psychotropic, precursor: TT 20/2017). The ledger rows since
/// the month began are summed in SQL grouped by lot, kind and direction (a few thousand groups for a
/// year of a million rows); <see cref="StockMonthReckoning"/> works back from the balances.
/// </summary>
public sealed class MonthlyStock(HospitalDbContext db)
{
    public static readonly DrugControlClass[] Controlled = [DrugControlClass.Narcotic, DrugControlClass.Psychotropic, DrugControlClass.Precursor];

    public async Task<StockMonthReport> ReportAsync(int period, Store? store, bool byLot, bool controlledOnly, CancellationToken ct = default)
    {
        var first = new DateOnly(period / 100, period % 100, 1);
        var from = VietnamTime.StartOfDayUtc(first);
        var to = VietnamTime.StartOfDayUtc(first.AddMonths(1));
        var movements = db.Set<StockMovement>().AsNoTracking().Where(m => m.OccurredAt >= from);
        var balances = db.Set<StockBalance>().AsNoTracking();
        if (store is not null)
        {
            movements = movements.Where(m => m.StoreId == store.Id);
            balances = balances.Where(b => b.StoreId == store.Id);
        }
        if (controlledOnly)
        {
            var controlled = db.Set<Drug>().Where(d => Controlled.Contains(d.ControlClass)).Select(d => d.Id);
            movements = movements.Where(m => controlled.Contains(m.DrugId));
            balances = balances.Where(b => controlled.Contains(b.DrugId));
        }

        // SQLite cannot SUM decimals (EF stores them as text there), so the sums are taken over REAL in
        // SQL on both databases and rounded back to the columns' scale (quantities 3 dp, money 2 dp):
        // a double carries 15 significant digits, ample for a month of one store.
        var grouped = await movements
            .GroupBy(m => new { m.LotId, m.DrugId, m.Kind, Positive = m.Quantity > 0, After = m.OccurredAt >= to })
            .Select(g => new
            {
                g.Key.LotId, g.Key.DrugId, g.Key.Kind, g.Key.Positive, g.Key.After,
                Quantity = g.Sum(m => (double)m.Quantity),
                Value = g.Sum(m => (double)m.Quantity * (double)m.UnitCost),
            })
            .ToListAsync(ct);
        var sums = grouped.Select(g => new LedgerSum(g.LotId, g.DrugId, g.Kind, g.Positive, g.After, Quantity(g.Quantity), Money(g.Value)));
        var now = (await balances.Where(b => b.OnHand != 0).Select(b => new { b.LotId, b.DrugId, b.OnHand, b.UnitCost }).ToListAsync(ct))
            .Select(b => new LotNow(b.LotId, b.DrugId, b.OnHand, Money(b.OnHand * b.UnitCost)));
        var months = StockMonthReckoning.Reckon(now, sums);

        var drugIds = months.Select(m => m.DrugId).Distinct().ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name, d.Strength, d.Unit, d.ControlClass }).ToDictionaryAsync(d => d.Id, ct);
        var lotIds = byLot ? months.Select(m => m.LotId).ToList() : [];
        var lots = await db.Set<DrugLot>().AsNoTracking().Where(l => lotIds.Contains(l.Id))
            .Select(l => new { l.Id, l.LotNumber, l.Expiry }).ToDictionaryAsync(l => l.Id, ct);

        StockReportItem ItemOf(LotMonth m)
        {
            var d = drugs[m.DrugId];
            var lot = byLot ? lots[m.LotId] : null;
            return new StockReportItem(d.Id, d.Code, d.Name, d.Strength, d.Unit, d.ControlClass, lot?.Id, lot?.LotNumber, lot?.Expiry);
        }
        var rows = months.GroupBy(m => byLot ? (m.DrugId, m.LotId) : (m.DrugId, 0))
            .Select(g => Row(ItemOf(g.First()), g))
            .OrderBy(r => r.Item.DrugName, StringComparer.Ordinal).ThenBy(r => r.Item.DrugCode, StringComparer.Ordinal)
            .ThenBy(r => r.Item.Expiry).ThenBy(r => r.Item.LotNumber, StringComparer.Ordinal)
            .ToList();
        return new StockMonthReport(period, store?.Name, byLot, controlledOnly, rows);
    }

    private static StockReportRow Row(StockReportItem item, IEnumerable<LotMonth> lots)
    {
        var (opening, closing, flows) = (StockAmount.Zero, StockAmount.Zero, new Dictionary<StockFlow, StockAmount>());
        foreach (var lot in lots)
        {
            opening += lot.Opening;
            closing += lot.Closing;
            foreach (var (flow, amount) in lot.Flows) flows[flow] = flows.GetValueOrDefault(flow) + amount;
        }
        return new StockReportRow(item, opening, flows, closing);
    }

    private static decimal Quantity(double sum) => Math.Round((decimal)sum, 3, MidpointRounding.AwayFromZero);
    private static decimal Money(double sum) => Math.Round((decimal)sum, 2, MidpointRounding.AwayFromZero);
    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
