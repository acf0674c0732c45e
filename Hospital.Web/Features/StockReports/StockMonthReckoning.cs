using Hospital.Domain.Pharmacy;

namespace Hospital.Web.Features.StockReports;

/// <summary>What a lot holds now (in the stores of the report) and its value at the lot's unit cost.</summary>
public sealed record LotNow(int LotId, int DrugId, decimal OnHand, decimal Value);

/// <summary>The ledger rows of a lot of one kind and direction, from the month's start: in the month or after it.</summary>
public sealed record LedgerSum(int LotId, int DrugId, StockMovementKind Kind, bool Positive, bool AfterMonth, decimal Quantity, decimal Value);

/// <summary>A lot's month: opening, flows, closing.</summary>
public sealed record LotMonth(int LotId, int DrugId, StockAmount Opening, IReadOnlyDictionary<StockFlow, StockAmount> Flows, StockAmount Closing);

/// <summary>
/// Works the month backwards from what is on hand now: closing = now − everything posted after the
/// month, opening = closing − the month's net. The ledger is append-only and a balance is the sum of
/// its rows (StockLedgerCheck), so this equals summing from the first row forwards, but reads only
/// the rows since the month began: last month's report over a year of ledger reads one month of it.
/// Values: movements at their own unit cost; now at the lot's unit cost (one price per lot, as
/// received; if a later receipt of the same lot changed it, the opening and closing values follow
/// the present price).
/// </summary>
public static class StockMonthReckoning
{
    public static IReadOnlyList<LotMonth> Reckon(IEnumerable<LotNow> now, IEnumerable<LedgerSum> sums)
    {
        var lots = new Dictionary<int, Lot>();
        Lot LotOf(int lotId, int drugId) => lots.TryGetValue(lotId, out var lot) ? lot : lots[lotId] = new Lot(drugId);
        foreach (var n in now)
            LotOf(n.LotId, n.DrugId).Now += new StockAmount(n.OnHand, n.Value);
        foreach (var s in sums)
        {
            var lot = LotOf(s.LotId, s.DrugId);
            var signed = new StockAmount(s.Quantity, s.Value);
            if (s.AfterMonth) { lot.After += signed; continue; }
            var flow = StockFlows.Of(s.Kind, s.Positive);
            // Both directions are shown as positive amounts; the sign is the column's.
            lot.Flows[flow] = lot.Flows.GetValueOrDefault(flow) + (StockFlows.IsIn(flow) ? signed : StockAmount.Zero - signed);
        }
        var months = new List<LotMonth>();
        foreach (var (lotId, e) in lots)
        {
            var closing = e.Now - e.After;
            var net = e.Flows.Aggregate(StockAmount.Zero, (a, f) => StockFlows.IsIn(f.Key) ? a + f.Value : a - f.Value);
            var opening = closing - net;
            if (opening.IsZero && closing.IsZero && e.Flows.Values.All(f => f.IsZero)) continue;
            months.Add(new LotMonth(lotId, e.DrugId, opening, e.Flows, closing));
        }
        return months;
    }

    private sealed class Lot(int drugId)
    {
        public int DrugId { get; } = drugId;
        public StockAmount Now { get; set; }
        public StockAmount After { get; set; }
        public Dictionary<StockFlow, StockAmount> Flows { get; } = [];
    }
}
