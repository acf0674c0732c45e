using Hospital.Domain.Catalog;
using Hospital.Web.Features.Billing;

namespace Hospital.Web.Features.BillingReports;

/// <summary>A claim version counted in the month: its object code (MA_DOITUONG_KCB) and XML1 totals.</summary>
public sealed record ReportClaim(long Id, string ObjectCode, SplitTotals Money);

/// <summary>An XML2/XML3 row of a counted claim version.</summary>
public sealed record ReportLine(string ObjectCode, BhytCostGroup CostGroup, string DepartmentCode, SplitTotals Money);

/// <summary>A row of a totals table: key, label, number of episodes (or lines) and money.</summary>
public sealed record ReportRow(string Key, string Label, int Count, SplitTotals Money);

/// <summary>A row of the 79a-style summary: object code, episodes, in-scope cost per <see cref="SummaryColumns"/>, who pays.</summary>
public sealed record SummaryRow(string ObjectCode, int Episodes, IReadOnlyList<decimal> Columns, SplitTotals Money);

/// <summary>The month's tables, each with its total row.</summary>
public sealed record MonthlyReport(
    int Period, int Episodes, SplitTotals Totals,
    IReadOnlyList<ReportRow> ByObject, IReadOnlyList<ReportRow> ByCostGroup, IReadOnlyList<ReportRow> ByDepartment,
    IReadOnlyList<SummaryRow> Summary, SummaryRow SummaryTotal)
{
    public int Year => Period / 100;
    public int Month => Period % 100;
}

/// <summary>
/// Adds claims and lines as they stream from the database into the month's tables, so a month of
/// 100k episodes and 1.5M rows is summed in one pass without holding the rows (issue 6 item 5).
/// Money by object code and the episode counts come from the XML1 totals; by cost group, by
/// department and the summary's cost columns come from the XML2/XML3 rows (T_TONGCHI_BH per column).
/// </summary>
public sealed class MonthlyReportBuilder(int period, Func<BhytCostGroup, string> groupName, Func<string, string> departmentName)
{
    private readonly Dictionary<string, (int Count, SplitTotals Money)> _objects = [];
    private readonly Dictionary<BhytCostGroup, (int Count, SplitTotals Money)> _groups = [];
    private readonly Dictionary<string, (int Count, SplitTotals Money)> _departments = [];
    private readonly Dictionary<string, decimal[]> _columns = [];

    public void Add(ReportClaim claim)
    {
        Accumulate(_objects, claim.ObjectCode, claim.Money);
        if (!_columns.ContainsKey(claim.ObjectCode)) _columns[claim.ObjectCode] = new decimal[SummaryColumns.Titles.Count];
    }

    public void Add(ReportLine line)
    {
        Accumulate(_groups, line.CostGroup, line.Money);
        Accumulate(_departments, line.DepartmentCode, line.Money);
        if (!_columns.TryGetValue(line.ObjectCode, out var columns))
            _columns[line.ObjectCode] = columns = new decimal[SummaryColumns.Titles.Count];
        columns[SummaryColumns.Of(line.CostGroup)] += line.Money.ThanhTienBh;
    }

    public MonthlyReport Build()
    {
        var byObject = _objects.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new ReportRow(o.Key, o.Key, o.Value.Count, o.Value.Money)).ToList();
        var byGroup = _groups.OrderBy(g => (int)g.Key)
            .Select(g => new ReportRow(((int)g.Key).ToString(System.Globalization.CultureInfo.InvariantCulture), groupName(g.Key), g.Value.Count, g.Value.Money)).ToList();
        var byDepartment = _departments.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new ReportRow(d.Key, departmentName(d.Key), d.Value.Count, d.Value.Money)).ToList();
        var summary = byObject.Select(o => new SummaryRow(o.Key, o.Count, _columns[o.Key], o.Money)).ToList();
        var totals = SplitTotals.Sum(byObject.Select(o => o.Money));
        var episodes = byObject.Sum(o => o.Count);
        var columnTotals = Enumerable.Range(0, SummaryColumns.Titles.Count).Select(i => summary.Sum(r => r.Columns[i])).ToList();
        return new MonthlyReport(period, episodes, totals, byObject, byGroup, byDepartment, summary,
            new SummaryRow("Tổng cộng", episodes, columnTotals, totals));
    }

    private static void Accumulate<TKey>(Dictionary<TKey, (int Count, SplitTotals Money)> rows, TKey key, SplitTotals money) where TKey : notnull
    {
        rows.TryGetValue(key, out var row);
        rows[key] = (row.Count + 1, (row.Money ?? SplitTotals.Zero) + money);
    }
}
