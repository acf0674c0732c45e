using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hospital.Domain.Catalog;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Billing.Statement.StatementTestKit;

namespace Hospital.Tests.Billing.Reports;

/// <summary>
/// /insurance/reports over claim versions written through the domain: a corrected episode (v1
/// superseded, v2 accepted), another episode ready to send, and one of the previous month.
/// </summary>
public sealed class MonthlyReportTests
{
    private sealed record Money(decimal Bv, decimal Bh, decimal Bhtt, decimal Bncct, decimal Bntt = 0, decimal Nk = 0);

    private static ClaimLine Line(BhytCostGroup group, string department, Money m) => new()
    {
        Table = group is BhytCostGroup.DrugInList ? 2 : 3, ItemCode = "X", CostGroup = group, DepartmentCode = department, Quantity = 1,
        ThanhTienBv = m.Bv, ThanhTienBh = m.Bh, Bhtt = m.Bhtt, Bncct = m.Bncct, Bntt = m.Bntt, NguonKhac = m.Nk,
    };

    private static async Task ClaimAsync(HospitalAppFactory app, int visitId, int version, ClaimStatus status, int period, string objectCode, params ClaimLine[] lines)
    {
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().SingleAsync(v => v.Id == visitId);
        var claim = new Claim
        {
            VisitId = visitId, MaLk = visit.MaLk, Version = version, Status = status, BuiltAt = DateTime.UtcNow, BuiltBy = "test",
            EndDate = new DateOnly(period / 100, period % 100, 15), PatientId = visit.PatientId, BenefitCategoryCode = objectCode, SettlementPeriod = period,
            TotalCost = lines.Sum(l => l.ThanhTienBv), InsuranceCost = lines.Sum(l => l.ThanhTienBh), InsurancePays = lines.Sum(l => l.Bhtt),
            CoPayment = lines.Sum(l => l.Bncct), PatientOutOfScope = lines.Sum(l => l.Bntt), OtherSources = lines.Sum(l => l.NguonKhac),
        };
        db.Add(claim);
        await db.SaveChangesAsync();
        for (var i = 0; i < lines.Length; i++) { lines[i].ClaimId = claim.Id; lines[i].Stt = i + 1; }
        db.AddRange(lines);
        await db.SaveChangesAsync();
    }

    private static async Task SeedAsync(HospitalAppFactory app)
    {
        var a = await Orders.OrdersTestKit.VisitAsync(app, VisitKind.Bhyt);
        var b = await Orders.OrdersTestKit.VisitAsync(app, VisitKind.Bhyt);
        var c = await Orders.OrdersTestKit.VisitAsync(app, VisitKind.Bhyt);
        await ClaimAsync(app, a, 1, ClaimStatus.Superseded, 202507, "1.1", Line(BhytCostGroup.Lab, "K01", new(999_000, 999_000, 999_000, 0)));
        await ClaimAsync(app, a, 2, ClaimStatus.Accepted, 202507, "1.1",
            Line(BhytCostGroup.Exam, "K01", new(40_000, 40_000, 32_000, 8_000)),
            Line(BhytCostGroup.Lab, "K02", new(60_000, 50_000, 40_000, 10_000, 10_000)));
        await ClaimAsync(app, b, 1, ClaimStatus.Ready, 202507, "1.3", Line(BhytCostGroup.DrugInList, "K01", new(30_000.5m, 30_000.5m, 24_000.4m, 6_000.1m)));
        await ClaimAsync(app, c, 1, ClaimStatus.Ready, 202506, "1.1", Line(BhytCostGroup.Lab, "K01", new(5_000, 5_000, 4_000, 1_000)));
    }

    private static string[][] Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"[data-testid=report-{table}] tbody tr, [data-testid=report-{table}] tfoot tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToArray();

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_month_counts_each_episode_once_by_object_group_department_and_in_the_summary(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SeedAsync(app);
        using var finance = await SignedInAsync(app, "insurance");

        var (response, page) = await finance.GetPageAsync("/insurance/reports?month=2025-07");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("2 hồ sơ, tổng chi phí 130.001 đồng", page.QuerySelector("[data-testid=report-episodes]")!.TextContent.Trim());
        Assert.Equal([
            ["1.1", "1", "100.000", "90.000", "72.000", "18.000", "10.000", "0"],
            ["1.3", "1", "30.001", "30.001", "24.000", "6.000", "0", "0"],
            ["Tổng cộng", "2", "130.001", "120.001", "96.000", "24.000", "10.000", "0"]], Rows(page, "objects"));
        Assert.Equal(["1", "4", "13", "Tổng cộng"], Rows(page, "groups").Select(r => r[0]));
        Assert.Equal(["1", "Xét nghiệm", "1", "60.000"], Rows(page, "groups")[0][..4]);
        Assert.Equal([["K01", "2", "70.001"], ["K02", "1", "60.000"]], Rows(page, "departments").Take(2).Select(r => new[] { r[0], r[2], r[3] }));
        var summary = Rows(page, "summary");
        // Columns: code, episodes, then Xét nghiệm, CĐHA TDCN, Thuốc, …, Tiền khám (the 9th cost column): BH cost of each.
        Assert.Equal(["1.1", "1", "50.000", "0", "0"], summary[0][..5]);
        Assert.Equal("40.000", summary[0][2 + 8]);
        Assert.Equal("30.001", summary[1][4]);
        Assert.Equal(["Tổng cộng", "2", "50.000", "0", "30.001"], summary[2][..5]);

        var (_, sent) = await finance.GetPageAsync("/insurance/reports?month=2025-07&scope=sent");
        Assert.Equal(["1.1", "Tổng cộng"], Rows(sent, "objects").Select(r => r[0]));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Each_table_exports_to_Excel_with_the_same_numbers(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SeedAsync(app);
        using var finance = await SignedInAsync(app, "insurance");

        var response = await finance.Client.GetAsync("/insurance/reports/export?month=2025-07");

        Assert.Equal(XlsxTable.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("B%C3%A1o%20c%C3%A1o%20BHYT%20th%C3%A1ng%202025-07.xlsx", response.Content.Headers.ContentDisposition?.ToString());
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Equal(["Theo đối tượng", "Theo nhóm chi phí", "Theo khoa", "Mẫu 79a"], book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var objects = Cells(book, "Theo đối tượng");
        Assert.Equal(["1.1", "1", "100000", "1.3", "30000.5", "Tổng cộng", "2", "130000.5", "96000.4"],
            [objects["A5"], objects["B5"], objects["C5"], objects["A6"], objects["C6"], objects["A7"], objects["B7"], objects["C7"], objects["E7"]]);
        var summary = Cells(book, "Mẫu 79a");
        Assert.Equal(["1.1", "50000", "40000"], [summary["A5"], summary["C5"], summary["K5"]]);

        var one = await finance.Client.GetAsync("/insurance/reports/export?month=2025-07&table=groups&scope=sent");
        using var groups = SpreadsheetDocument.Open(new MemoryStream(await one.Content.ReadAsByteArrayAsync()), isEditable: false);
        var only = Assert.Single(groups.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Theo nhóm chi phí", only.Name!.Value);
        Assert.False(Cells(groups, "Theo nhóm chi phí").ContainsValue("4")); // the ready drug claim is not sent

        var bad = await finance.Client.GetAsync("/insurance/reports/export?month=2025-13");
        Assert.True(WebSession.IsRedirectTo(bad, "/insurance/reports"));
        var (_, page) = await finance.GetPageAsync("/insurance/reports?month=tháng-7");
        Assert.Contains("Tháng không hợp lệ", page.QuerySelector("[data-testid=month-error]")!.TextContent);
    }

    private static Dictionary<string, string> Cells(SpreadsheetDocument book, string sheetName)
    {
        var workbook = book.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue!.Text);
    }
}
