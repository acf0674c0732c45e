using System.Globalization;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.StockReports;

/// <summary>
/// The month's report as a sheet, the same shape on the page and in Excel. Quantities of different
/// drugs are in different units, so the totals row adds up values only.
/// </summary>
public static class StockReportSheets
{
    public static XlsxSheet Of(StockMonthReport r, string facility, IStringLocalizer l) =>
        r.ControlledOnly ? Controlled(r, facility, l) : Stock(r, facility, l);

    public static string FileName(StockMonthReport r, IStringLocalizer l) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1}-{2:00}{3}",
            r.ControlledOnly ? l["Báo cáo thuốc GN-HT-TC"] : l["Báo cáo xuất nhập tồn"], r.Year, r.Month, r.StoreName is { } s ? " " + s : "");

    private static XlsxSheet Stock(StockMonthReport r, string facility, IStringLocalizer l)
    {
        List<XlsxColumn> columns = [.. ItemColumns(r, l),
            Qty(l["Tồn đầu SL"]), Money(l["Tồn đầu thành tiền"]),
            Qty(l["Nhập NCC"]), Qty(l["Nhập chuyển kho"]), Qty(l["Hoàn trả"]), Qty(l["Kiểm kê thừa"]), Qty(l["Tổng nhập SL"]), Money(l["Tổng nhập thành tiền"]),
            Qty(l["Cấp phát"]), Qty(l["Xuất chuyển kho"]), Qty(l["Xuất khác"]), Qty(l["Kiểm kê thiếu"]), Qty(l["Tổng xuất SL"]), Money(l["Tổng xuất thành tiền"]),
            Qty(l["Tồn cuối SL"]), Money(l["Tồn cuối thành tiền"])];
        var rows = r.Rows.Select(x => (IReadOnlyList<object?>)[.. Item(r, x.Item),
            x.Opening.Quantity, x.Opening.Value,
            x.Flow(StockFlow.Receipt).Quantity, x.Flow(StockFlow.TransferIn).Quantity, x.Flow(StockFlow.Returned).Quantity, x.Flow(StockFlow.CountSurplus).Quantity,
            x.In.Quantity, x.In.Value,
            x.Flow(StockFlow.Dispensed).Quantity, x.Flow(StockFlow.TransferOut).Quantity,
            x.Flow(StockFlow.SupplierReturn).Quantity + x.Flow(StockFlow.LossOrDisposal).Quantity, x.Flow(StockFlow.CountShortage).Quantity,
            x.Out.Quantity, x.Out.Value,
            x.Closing.Quantity, x.Closing.Value]);
        var blank = ItemColumns(r, l).Count;
        IReadOnlyList<object?> total = [l["Tổng cộng"].Value, .. Enumerable.Repeat<object?>(null, blank - 1),
            null, r.OpeningValue, null, null, null, null, null, r.Rows.Sum(x => x.In.Value),
            null, null, null, null, null, r.Rows.Sum(x => x.Out.Value), null, r.ClosingValue];
        return new XlsxSheet(l["Xuất nhập tồn"], columns, rows) { Titles = Titles(r, facility, l["Báo cáo xuất – nhập – tồn kho thuốc"], l), Total = total };
    }

    /// <summary>TT 20/2017/TT-BYT: báo cáo tồn kho, sử dụng thuốc gây nghiện, hướng thần, tiền chất (quantities only).</summary>
    private static XlsxSheet Controlled(StockMonthReport r, string facility, IStringLocalizer l)
    {
        List<XlsxColumn> columns = [new(l["STT"], XlsxKind.Number, 6), .. ItemColumns(r, l),
            Qty(l["Tồn đầu kỳ"]), Qty(l["Nhập trong kỳ"]), Qty(l["Tổng số"]), Qty(l["Xuất trong kỳ"]), Qty(l["Hư hao"]), Qty(l["Tồn cuối kỳ"]),
            new(l["Ghi chú"], Width: 24)];
        var rows = r.Rows.Select((x, i) => (IReadOnlyList<object?>)[i + 1, .. Item(r, x.Item),
            x.Opening.Quantity, x.In.Quantity, x.Opening.Quantity + x.In.Quantity, x.Issued.Quantity, x.Lost.Quantity, x.Closing.Quantity,
            Note(x, l)]);
        return new XlsxSheet(l["Thuốc GN-HT-TC"], columns, rows)
        {
            Titles = Titles(r, facility, l["Báo cáo tồn kho, sử dụng thuốc gây nghiện, thuốc hướng thần, thuốc tiền chất"], l),
        };
    }

    private static IReadOnlyList<string> Titles(StockMonthReport r, string facility, string title, IStringLocalizer l) =>
        [facility, string.Format(CultureInfo.InvariantCulture, "{0} – {1} {2:00}/{3} – {4}", title, l["tháng"], r.Month, r.Year, r.StoreName ?? l["Tất cả các kho"])];

    private static List<XlsxColumn> ItemColumns(StockMonthReport r, IStringLocalizer l)
    {
        List<XlsxColumn> columns = [new(l["Mã thuốc"], Width: 10), new(l["Tên thuốc"], Width: 30), new(l["Hàm lượng"], Width: 14), new(l["ĐVT"], Width: 8)];
        if (r.ByLot) columns.AddRange([new(l["Số lô"], Width: 12), new(l["Hạn dùng"], XlsxKind.Date, 11)]);
        return columns;
    }

    private static IEnumerable<object?> Item(StockMonthReport r, StockReportItem i) =>
        r.ByLot ? [i.DrugCode, i.DrugName, i.Strength, i.Unit, i.LotNumber, i.Expiry] : [i.DrugCode, i.DrugName, i.Strength, i.Unit];

    /// <summary>The note column names what the losses were, which the form asks to explain.</summary>
    private static string? Note(StockReportRow x, IStringLocalizer l)
    {
        var parts = new List<string>();
        if (x.Flow(StockFlow.LossOrDisposal).Quantity != 0) parts.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.###}", l["Hỏng, mất, hủy"], x.Flow(StockFlow.LossOrDisposal).Quantity));
        if (x.Flow(StockFlow.CountShortage).Quantity != 0) parts.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.###}", l["Kiểm kê thiếu"], x.Flow(StockFlow.CountShortage).Quantity));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static XlsxColumn Qty(string header) => new(header, XlsxKind.Number, 10);
    private static XlsxColumn Money(string header) => new(header, XlsxKind.Money, 14);
}
