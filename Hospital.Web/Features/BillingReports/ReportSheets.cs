using System.Globalization;
using Hospital.Web.Features.Billing;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.BillingReports;

/// <summary>
/// The month's four tables as sheets: the same shape is shown on the reports page and written to
/// Excel, so what finance reads on screen is what it sends on.
/// </summary>
public static class ReportSheets
{
    /// <summary>Keys of the tables, as the export's <c>table</c> parameter takes them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["objects", "groups", "departments", "summary"];

    public static IReadOnlyList<(string Key, XlsxSheet Sheet)> Of(MonthlyReport r, string facility, IStringLocalizer l)
    {
        var month = string.Format(CultureInfo.InvariantCulture, "{0:00}/{1}", r.Month, r.Year);
        IReadOnlyList<string> Titles(string title) => [facility, $"{title} – {l["tháng"]} {month}"];
        return
        [
            ("objects", Totals(l["Theo đối tượng"], Titles(l["Chi phí KCB BHYT theo đối tượng (MA_DOITUONG_KCB)"]), l["Mã đối tượng"], l["Số hồ sơ"], r.ByObject, r.Totals, r.Episodes, l, label: false)),
            ("groups", Totals(l["Theo nhóm chi phí"], Titles(l["Chi phí KCB BHYT theo nhóm chi phí (MA_NHOM)"]), l["MA_NHOM"], l["Số dòng"], r.ByCostGroup, SplitTotals.Sum(r.ByCostGroup.Select(g => g.Money)), r.ByCostGroup.Sum(g => g.Count), l, label: true)),
            ("departments", Totals(l["Theo khoa"], Titles(l["Chi phí KCB BHYT theo khoa (MA_KHOA)"]), l["MA_KHOA"], l["Số dòng"], r.ByDepartment, SplitTotals.Sum(r.ByDepartment.Select(g => g.Money)), r.ByDepartment.Sum(g => g.Count), l, label: true)),
            ("summary", Summary(r, Titles(l["Tổng hợp chi phí KCB ngoại trú đề nghị thanh toán (mẫu 79a)"]), l)),
        ];
    }

    private static XlsxSheet Totals(string name, IReadOnlyList<string> titles, string keyHeader, string countHeader,
        IReadOnlyList<ReportRow> rows, SplitTotals total, int count, IStringLocalizer l, bool label)
    {
        List<XlsxColumn> columns = [new(keyHeader, Width: 12)];
        if (label) columns.Add(new(l["Tên"], Width: 36));
        columns.Add(new(countHeader, XlsxKind.Number, 10));
        columns.AddRange(MoneyColumns(l));
        return new XlsxSheet(name, columns, rows.Select(r => Row(label ? [r.Key, l[r.Label].Value] : [r.Key], r.Count, r.Money)))
        {
            Titles = titles,
            Total = Row(label ? [l["Tổng cộng"].Value, null] : [l["Tổng cộng"].Value], count, total),
        };
    }

    private static XlsxSheet Summary(MonthlyReport r, IReadOnlyList<string> titles, IStringLocalizer l)
    {
        List<XlsxColumn> columns = [new(l["Mã đối tượng"], Width: 12), new(l["Số lượt"], XlsxKind.Number, 9)];
        columns.AddRange(SummaryColumns.Titles.Select(t => new XlsxColumn(l[t], XlsxKind.Money, 14)));
        columns.AddRange([new(l["Tổng chi phí BHYT"], XlsxKind.Money, 16), new(l["Người bệnh cùng chi trả"], XlsxKind.Money, 16),
            new(l["Người bệnh tự trả"], XlsxKind.Money, 16), new(l["Quỹ BHYT thanh toán"], XlsxKind.Money, 16), new(l["Nguồn khác"], XlsxKind.Money, 14)]);
        IReadOnlyList<object?> Of(SummaryRow s, string key) =>
            [key, s.Episodes, .. s.Columns.Cast<object?>(), s.Money.ThanhTienBh, s.Money.Bncct, s.Money.Bntt, s.Money.Bhtt, s.Money.NguonKhac];
        return new XlsxSheet(l["Mẫu 79a"], columns, r.Summary.Select(s => Of(s, s.ObjectCode)))
        {
            Titles = titles,
            Total = Of(r.SummaryTotal, l["Tổng cộng"]),
        };
    }

    private static IEnumerable<XlsxColumn> MoneyColumns(IStringLocalizer l) =>
    [
        new(l["Tổng chi phí (T_TONGCHI_BV)"], XlsxKind.Money, 16), new(l["Chi phí BHYT (T_TONGCHI_BH)"], XlsxKind.Money, 16),
        new(l["Quỹ BHYT trả (T_BHTT)"], XlsxKind.Money, 16), new(l["Cùng chi trả (T_BNCCT)"], XlsxKind.Money, 16),
        new(l["Tự trả (T_BNTT)"], XlsxKind.Money, 16), new(l["Nguồn khác (T_NGUONKHAC)"], XlsxKind.Money, 16),
    ];

    private static IReadOnlyList<object?> Row(IEnumerable<object?> keys, int count, SplitTotals m) =>
        [.. keys, count, m.ThanhTienBv, m.ThanhTienBh, m.Bhtt, m.Bncct, m.Bntt, m.NguonKhac];
}
