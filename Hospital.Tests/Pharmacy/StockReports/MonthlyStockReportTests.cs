using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hospital.Domain.Pharmacy;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Platform.Spreadsheets;
using static Hospital.Domain.Pharmacy.StockMovementKind;
using static Hospital.Tests.Pharmacy.StockReports.StockReportKit;

namespace Hospital.Tests.Pharmacy.StockReports;

/// <summary>
/// The monthly xuất – nhập – tồn report and the controlled-drug report over a small hand-made
/// ledger whose numbers are worked out by hand, on the page and in Excel, on both databases.
/// </summary>
public sealed class MonthlyStockReportTests
{
    private const string Store = "RPT-1";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_month_shows_opening_in_out_and_closing_per_drug_and_per_lot(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var store = await SeedAsync(app);
        using var pharmacist = await SignedInAsync(app);

        var (_, page) = await pharmacist.GetPageAsync($"/pharmacy/reports?month=2025-10&store={store}");
        var rows = Rows(page);
        // Columns: code, name, strength, unit, opening qty/value, receipts, transfers in, returns, count surplus, in qty/value,
        // dispensed, transfers out, other out, count shortage, out qty/value, closing qty/value.
        Assert.Equal(["TH0052", "Diazepam 5mg", "5mg", "Viên", "20", "6.000", "10", "0", "0", "0", "10", "3.000", "4", "0", "2", "0", "6", "1.800", "24", "7.200"], rows[0]);
        Assert.Equal(["TH0001", "90", "90.000", "50", "0", "2", "1", "53", "78.513", "30", "10", "3", "1", "44", "45.501", "99", "123.012"],
            [rows[1][0], .. rows[1][4..]]);
        Assert.Equal(2, rows.Count);
        var total = page.QuerySelector("[data-testid=stock-report-total]")!.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Tổng cộng", "96.000", "81.513", "47.301", "130.212"], total.Where(t => t.Length > 0).ToList());

        // The month before ends where October begins (the dispensing at 23:00 on 30/09 local is September's,
        // the receipt at 00:30 on 01/10 local is October's); the month after ends at what is on hand now.
        var (_, september) = await pharmacist.GetPageAsync($"/pharmacy/reports?month=2025-09&store={store}");
        Assert.Equal(["TH0001", "0", "0", "100", "10", "90", "90.000"],
            [Rows(september)[1][0], Rows(september)[1][4], Rows(september)[1][5], Rows(september)[1][6], Rows(september)[1][12], Rows(september)[1][18], Rows(september)[1][19]]);
        var (_, november) = await pharmacist.GetPageAsync($"/pharmacy/reports?month=2025-11&store={store}");
        Assert.Equal(["99", "20", "5", "114"], [Rows(november)[1][4], Rows(november)[1][6], Rows(november)[1][12], Rows(november)[1][18]]);

        var (_, byLot) = await pharmacist.GetPageAsync($"/pharmacy/reports?month=2025-10&store={store}&lots=1");
        var lots = Rows(byLot);
        Assert.Equal([["TH0052", "RC-1"], ["TH0001", "RB-1"], ["TH0001", "RA-1"]], lots.Select(r => new[] { r[0], r[4] }));
        // Lot B arrived on 1 October: nothing before, 50 received, 1 found at the count, 3 broken.
        Assert.Equal(["0", "0", "50", "0", "0", "1", "51", "76.513", "0", "0", "3", "0", "3", "4.501", "48", "72.012"], lots[1][6..]);
        Assert.Equal(["30/06/2027"], [lots[1][5]]);

        await using var db = app.Database.NewContext();
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_controlled_drug_report_and_both_Excel_files_carry_the_same_numbers(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var store = await SeedAsync(app);
        using var pharmacist = await SignedInAsync(app);

        // TT 20/2017: tồn đầu, nhập, tổng số, xuất, hư hao, tồn cuối, ghi chú; only narcotic, psychotropic and precursor drugs.
        var (_, page) = await pharmacist.GetPageAsync($"/pharmacy/reports?month=2025-10&store={store}&report=controlled");
        var row = Assert.Single(Rows(page));
        Assert.Equal(["1", "TH0052", "Diazepam 5mg", "5mg", "Viên", "20", "10", "30", "4", "2", "24", "Hỏng, mất, hủy: 2"], row);

        var controlled = await Workbook(pharmacist, $"/pharmacy/reports/export?month=2025-10&store={store}&report=controlled");
        Assert.Equal(["1", "TH0052", "20", "10", "30", "4", "2", "24"],
            [controlled["A5"], controlled["B5"], controlled["F5"], controlled["G5"], controlled["H5"], controlled["I5"], controlled["J5"], controlled["K5"]]);
        Assert.False(controlled.ContainsKey("A6"));

        var stock = await Workbook(pharmacist, $"/pharmacy/reports/export?month=2025-10&store={store}");
        Assert.Equal(["TH0001", "90", "90000", "50", "2", "1", "53", "78512.75", "30", "10", "3", "1", "44", "45500.75", "99", "123012"],
            [stock["A6"], stock["E6"], stock["F6"], stock["G6"], stock["I6"], stock["J6"], stock["K6"], stock["L6"], stock["M6"], stock["N6"],
             stock["O6"], stock["P6"], stock["Q6"], stock["R6"], stock["S6"], stock["T6"]]);
        Assert.Equal(["Tổng cộng", "96000", "81512.75", "47300.75", "130212"], [stock["A7"], stock["F7"], stock["L7"], stock["R7"], stock["T7"]]);
        Assert.Contains("Kho báo cáo RPT-1", stock["A2"]);

        var lots = await Workbook(pharmacist, $"/pharmacy/reports/export?month=2025-10&store={store}&lots=1");
        Assert.Equal(["RB-1", "46568", "48", "72012"], [lots["E6"], lots["F6"], lots["U6"], lots["V6"]]); // 46568 = 30/06/2027 as an Excel date

        var bad = await pharmacist.Client.GetAsync("/pharmacy/reports/export?month=2025-13");
        Assert.True(WebSession.IsRedirectTo(bad, "/pharmacy/reports"));
        var (_, badMonth) = await pharmacist.GetPageAsync("/pharmacy/reports?month=tháng-10");
        Assert.Contains("Tháng không hợp lệ", badMonth.QuerySelector("[data-testid=stock-report-error]")!.TextContent);
        var (_, badStore) = await pharmacist.GetPageAsync("/pharmacy/reports?month=2025-10&store=999999");
        Assert.Contains("Không có kho này.", badStore.QuerySelector("[data-testid=stock-report-error]")!.TextContent);
    }

    /// <summary>
    /// September: 100 of lot A at 1,000 and 20 Diazepam at 300 received, 10 of A dispensed late on the 30th.
    /// October (from 00:30 local on the 1st): 50 of lot B at 1,500.25; A: 30 dispensed, 10 transferred out,
    /// 2 returned, 1 short at the count; B: 1 found at the count, 3 broken; Diazepam: 4 dispensed, 2 destroyed, 10 received.
    /// November: A: 5 dispensed, 20 received.
    /// </summary>
    private static async Task<int> SeedAsync(HospitalAppFactory app)
    {
        var kit = await StartAsync(app, Store);
        var a = await kit.LotAsync("TH0001", "RA-1", new DateOnly(2027, 12, 31));
        var b = await kit.LotAsync("TH0001", "RB-1", new DateOnly(2027, 6, 30));
        var c = await kit.LotAsync("TH0052", "RC-1", new DateOnly(2027, 3, 31));
        await kit.PostAsync(Utc(2025, 9, 10), a, Receipt, 100, 1000m);
        await kit.PostAsync(Utc(2025, 9, 10), c, Receipt, 20, 300m);
        await kit.PostAsync(Utc(2025, 9, 30, 16), a, Dispense, -10);
        await kit.PostAsync(new DateTime(2025, 9, 30, 17, 30, 0, DateTimeKind.Utc), b, Receipt, 50, 1500.25m);
        await kit.PostAsync(Utc(2025, 10, 5), a, Dispense, -30);
        await kit.PostAsync(Utc(2025, 10, 6), a, TransferOut, -10);
        await kit.PostAsync(Utc(2025, 10, 7), a, DispenseReturn, 2);
        await kit.PostAsync(Utc(2025, 10, 20), a, CountAdjustment, -1);
        await kit.PostAsync(Utc(2025, 10, 20), b, CountAdjustment, 1);
        await kit.PostAsync(Utc(2025, 10, 21), b, Loss, -3);
        await kit.PostAsync(Utc(2025, 10, 8), c, Dispense, -4);
        await kit.PostAsync(Utc(2025, 10, 9), c, Disposal, -2);
        await kit.PostAsync(Utc(2025, 10, 25), c, Receipt, 10, 300m);
        await kit.PostAsync(Utc(2025, 11, 3), a, Dispense, -5);
        await kit.PostAsync(Utc(2025, 11, 4), a, Receipt, 20, 1000m);
        return kit.StoreId;
    }

    internal static async Task<WebSession> SignedInAsync(HospitalAppFactory app)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("pharmacist"), "/"));
        return session;
    }

    private static List<string[]> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=stock-report-row]").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static async Task<Dictionary<string, string>> Workbook(WebSession session, string url)
    {
        var response = await session.Client.GetAsync(url);
        Assert.Equal(XlsxTable.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var workbook = book.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!.Value!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue!.Text);
    }
}
