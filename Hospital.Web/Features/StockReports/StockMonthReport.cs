using Hospital.Domain.Catalog;

namespace Hospital.Web.Features.StockReports;

/// <summary>A quantity in the drug's unit of issue and its value at purchase price (VND, 2 dp).</summary>
public readonly record struct StockAmount(decimal Quantity, decimal Value)
{
    public static readonly StockAmount Zero = new(0, 0);
    public static StockAmount operator +(StockAmount a, StockAmount b) => new(a.Quantity + b.Quantity, a.Value + b.Value);
    public static StockAmount operator -(StockAmount a, StockAmount b) => new(a.Quantity - b.Quantity, a.Value - b.Value);
    public bool IsZero => Quantity == 0 && Value == 0;
}

/// <summary>What a row of the report is about: a drug, or one lot of it when the report is by lot.</summary>
public sealed record StockReportItem(int DrugId, string DrugCode, string DrugName, string? Strength, string Unit,
    DrugControlClass ControlClass, int? LotId = null, string? LotNumber = null, DateOnly? Expiry = null);

/// <summary>
/// One row of the xuất – nhập – tồn report: opening, what came in and went out by <see cref="StockFlow"/>
/// (positive amounts in both directions), closing = opening + in − out.
/// </summary>
public sealed record StockReportRow(StockReportItem Item, StockAmount Opening, IReadOnlyDictionary<StockFlow, StockAmount> Flows, StockAmount Closing)
{
    public StockAmount Flow(StockFlow flow) => Flows.GetValueOrDefault(flow);
    public StockAmount In => Sum(StockFlows.In);
    public StockAmount Out => Sum(StockFlows.Out);
    /// <summary>TT 20/2017 "xuất trong kỳ": everything out but losses.</summary>
    public StockAmount Issued => Sum(StockFlows.Out.Where(f => !StockFlows.IsLoss(f)));
    /// <summary>TT 20/2017 "hư hao": lost, destroyed, short at a count.</summary>
    public StockAmount Lost => Sum(StockFlows.Out.Where(StockFlows.IsLoss));

    private StockAmount Sum(IEnumerable<StockFlow> flows) => flows.Aggregate(StockAmount.Zero, (a, f) => a + Flow(f));
}

/// <param name="Period">yyyyMM.</param>
/// <param name="StoreName">Null: every store together (transfers between them then show on both sides).</param>
public sealed record StockMonthReport(int Period, string? StoreName, bool ByLot, bool ControlledOnly, IReadOnlyList<StockReportRow> Rows)
{
    public int Year => Period / 100;
    public int Month => Period % 100;
    public decimal OpeningValue => Rows.Sum(r => r.Opening.Value);
    public decimal ClosingValue => Rows.Sum(r => r.Closing.Value);
    public decimal FlowValue(StockFlow flow) => Rows.Sum(r => r.Flow(flow).Value);
}
