using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Pharmacy.Dispensing.DispensingTestKit;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>The pharmacist's screens: queue, prescription page with its FEFO proposal and buttons, slip and labels, the controlled-drug register.</summary>
public sealed class DispensingPagesTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_scanned_code_opens_the_prescription_which_is_dispensed_printed_and_partly_returned(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await ReceiveAsync(app, Dispensary, Paracetamol, "PG-HET", Today.AddDays(-2), 50);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "PG-1", Today.AddDays(30), 8);
        var id = await SignedAsync(app, lines: (Paracetamol, 10));
        string code;
        await using (var db = app.Database.NewContext())
            code = (await db.Set<Prescription>().SingleAsync(p => p.Id == id)).NationalCode!;
        using var pharmacist = await PrescriptionsApiTests.SignedInAsync(app, "pharmacist");

        var (_, queue) = await pharmacist.GetPageAsync("/pharmacy/dispensing");
        Assert.Contains(queue.QuerySelectorAll("[data-testid=dispensing-link]"), a => a.TextContent.Trim() == code);
        var scan = await pharmacist.Client.GetAsync($"/pharmacy/dispensing?q={code}");
        Assert.True(WebSession.IsRedirectTo(scan, $"/pharmacy/dispensing/{id}"), $"{scan.StatusCode} {scan.Headers.Location}");

        var (_, page) = await pharmacist.GetPageAsync($"/pharmacy/dispensing/{id}");
        Assert.Equal(code, page.QuerySelector("[data-testid=prescription-code]")!.TextContent.Trim());
        var fefo = page.QuerySelector("[data-testid=fefo]")!.TextContent;
        Assert.Contains("PG-1", fefo);
        Assert.DoesNotContain("PG-HET", fefo);
        Assert.Contains("Thiếu 2", fefo);

        var refused = await pharmacist.SubmitAsync(page, "[data-testid=dispense-form]", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(refused, $"/pharmacy/dispensing/{id}"));
        Assert.Equal(new Stored(0, 0, DispensingStatus.NotDispensed), await StoredAsync(app, id));
        var done = await pharmacist.SubmitAsync(page, "[data-testid=dispense-form]", new Dictionary<string, string> { ["allowPartial"] = "true" });
        Assert.True(WebSession.IsRedirectTo(done, $"/pharmacy/dispensing/{id}"));
        Assert.Equal(new Stored(1, 1, DispensingStatus.Partial), await StoredAsync(app, id));

        (_, page) = await pharmacist.GetPageAsync($"/pharmacy/dispensing/{id}");
        Assert.Contains("Còn chờ cấp: Paracetamol 500mg 2 Viên", page.Body!.TextContent);
        Assert.Equal("2", page.QuerySelector("[data-testid=pending]")!.TextContent.Trim());
        var number = page.QuerySelector("[data-testid=dispensation-number]")!.TextContent.Trim();
        var dispensationId = int.Parse(page.QuerySelector("[data-testid=slip-link]")!.GetAttribute("href")!.Split('/')[3]);

        var slip = await PdfTextAsync(pharmacist, $"/pharmacy/dispensations/{dispensationId}/slip.pdf");
        Assert.Contains("PHIẾU XUẤT THUỐC", slip);
        Assert.Contains(number, slip);
        Assert.Contains("PG-1", slip);
        Assert.Contains(code, slip);
        var labels = await PdfTextAsync(pharmacist, $"/pharmacy/dispensations/{dispensationId}/labels.pdf");
        Assert.Contains("Lô: PG-1", labels);
        Assert.Contains("SL: 8 Viên", labels);
        Assert.Contains("Uống sau ăn", labels);

        var back = await pharmacist.SubmitAsync(page, $"form[action='/pharmacy/dispensations/{dispensationId}/return']",
            new Dictionary<string, string> { ["quantity"] = "3", ["reason"] = "Người bệnh dị ứng, ngừng thuốc" });
        Assert.True(WebSession.IsRedirectTo(back, $"/pharmacy/dispensing/{id}"));
        Assert.Equal(3m, await OnHandAsync(app, Dispensary, lot));
        await AssertLedgerAgreesAsync(app);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_register_lists_each_controlled_movement_with_patient_prescriber_receiver_and_balance(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await ReceiveAsync(app, Dispensary, Diazepam, "REG-1", Today.AddDays(200), 30);
        await ReceiveAsync(app, Dispensary, Paracetamol, "REG-P", Today.AddDays(200), 30);
        var id = await SignedAsync(app, PrescriptionForm.Psychotropic, lines: (Diazepam, 7));
        var outcome = await DispenseAsync(app, id, new(Dispensary, ReceiverName: "Lê Thị Nhận", ReceiverIdNumber: "079190001234"));
        Assert.Null(outcome.Error);
        string code;
        await using (var db = app.Database.NewContext())
            code = (await db.Set<Prescription>().SingleAsync(p => p.Id == id)).NationalCode!;
        using var pharmacist = await PrescriptionsApiTests.SignedInAsync(app, "pharmacist");

        var month = Today.ToString("yyyy-MM");
        var (response, page) = await pharmacist.GetPageAsync($"/pharmacy/register?store={Dispensary}&month={month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var drug = Assert.Single(page.QuerySelectorAll("[data-testid=register-drug]"));
        Assert.Contains("Diazepam", drug.TextContent);
        var table = page.QuerySelector("[data-testid=register-table]")!.TextContent;
        foreach (var expected in new[] { "REG-1", outcome.Number!, code, "Lê Thị Nhận", "079190001234", "Cấp phát cho người bệnh", "Nhập từ nhà cung cấp" })
            Assert.Contains(expected, table);
        Assert.Equal("23", page.QuerySelector("[data-testid=register-closing]")!.TextContent.Trim());

        var export = await pharmacist.Client.GetAsync($"/pharmacy/register/export?store={Dispensary}&month={month}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        var sheet = Assert.Single(book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal(Diazepam, sheet.Name!.Value);
        var cells = ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue?.Text).ToList();
        Assert.Contains("Lê Thị Nhận", cells);
        Assert.Contains("079190001234", cells);
        Assert.Contains(code, cells);
        Assert.Contains("23", cells);
    }

    private static async Task<string> PdfTextAsync(WebSession session, string url)
    {
        var response = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"dispensing-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        try { return await PopplerTools.RunAsync("pdftotext", $"-layout {file} -"); }
        finally { File.Delete(file); }
    }
}
