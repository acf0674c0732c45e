using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Cashier;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Billing.Cashier.CashierTestKit;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>Voids need a second person; the shift close report adds up what the counter did.</summary>
public sealed class VoidAndShiftTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_void_takes_effect_only_when_a_second_user_approves(DatabaseProvider provider)
    {
        await using var counter = await CounterAsync(provider);
        var (app, cashier, visit) = counter;
        var share = (await BalanceAsync(app, visit.Id)).PatientShare;
        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "payment-cash", Money(share)), VisitUrl(visit.Id)));
        var payment = Assert.Single(await PaymentsAsync(app, visit.Id));

        var (_, page) = await cashier.GetPageAsync(VisitUrl(visit.Id));
        var vague = await cashier.SubmitAsync(page, "[data-testid=void-request]", new Dictionary<string, string> { ["VoidReason"] = "sai" }, VisitUrl(visit.Id));
        Assert.Contains("Ghi rõ lý do hủy phiếu", (await PageOfAsync(vague)).QuerySelector("[data-testid=void-error]")!.TextContent);
        var asked = await cashier.SubmitAsync(page, "[data-testid=void-request]",
            new Dictionary<string, string> { ["VoidReason"] = "Thu nhầm lượt khám" }, VisitUrl(visit.Id));
        Assert.True(WebSession.IsRedirectTo(asked, VisitUrl(visit.Id)), await asked.Content.ReadAsStringAsync());
        payment = Assert.Single(await PaymentsAsync(app, visit.Id));
        Assert.Equal((PaymentStatus.Completed, "cashier", "Thu nhầm lượt khám"), (payment.Status, payment.VoidRequestedBy, payment.VoidReason));
        Assert.True((await BalanceAsync(app, visit.Id)).Settled);   // still counts until approved

        // The requester cannot approve their own request.
        var (_, voids) = await cashier.GetPageAsync("/cashier/voids");
        Assert.Empty(voids.QuerySelectorAll("[data-testid=void-approve]"));
        var self = await cashier.SubmitAsync(voids, "[data-testid=void-decisions]", new Dictionary<string, string> { ["Decision"] = $"approve:{payment.Id}" }, "/cashier/voids");
        Assert.Contains("không tự duyệt", (await PageOfAsync(self)).QuerySelector("[data-testid=void-error]")!.TextContent);
        Assert.Equal(PaymentStatus.Completed, Assert.Single(await PaymentsAsync(app, visit.Id)).Status);

        // An administrator approves: the payment is voided and the patient owes the share again.
        using var admin = await SignedInAsync(app, "admin");
        var (_, adminVoids) = await admin.GetPageAsync("/cashier/voids");
        Assert.Single(adminVoids.QuerySelectorAll("[data-testid=void-approve]"));
        var approved = await admin.SubmitAsync(adminVoids, "[data-testid=void-decisions]", new Dictionary<string, string> { ["Decision"] = $"approve:{payment.Id}" }, "/cashier/voids");
        Assert.True(WebSession.IsRedirectTo(approved, "/cashier/voids"), await approved.Content.ReadAsStringAsync());
        payment = Assert.Single(await PaymentsAsync(app, visit.Id));
        Assert.Equal((PaymentStatus.Voided, "admin"), (payment.Status, payment.VoidedBy));
        Assert.Equal(share, (await BalanceAsync(app, visit.Id)).Due);
        // The voided receipt still prints, stamped, so the book's copy matches.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await cashier.Client.GetAsync($"/cashier/payments/{payment.Id}/receipt.pdf")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Shift_close_report_sums_by_kind_and_method_and_exports_to_excel(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await BooksAsync(app);
        using var cashier = await SignedInAsync(app, "cashier");
        var paid = await VisitAsync(app, extra: 100_000);
        var deposited = await VisitAsync(app, extra: 0);
        var transferred = await VisitAsync(app, extra: 50_000);
        var cashDue = (await BalanceAsync(app, paid.Id)).Due;
        var qrDue = (await BalanceAsync(app, transferred.Id)).Due;

        async Task Press(int visitId, string op, decimal amount) =>
            Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visitId, op, Money(amount)), VisitUrl(visitId)));
        await Press(paid.Id, "payment-cash", cashDue);
        await Press(deposited.Id, "deposit-cash", 500_000);
        var refund = CounterAmounts.Refundable(await BalanceAsync(app, deposited.Id));
        await Press(deposited.Id, "refund-cash", refund);
        await Press(transferred.Id, "payment-qr", qrDue);
        var qr = Assert.Single(await PaymentsAsync(app, transferred.Id));

        // The shift cannot close while a QR code waits for its transfer.
        var (_, shiftPage) = await cashier.GetPageAsync("/cashier/shift");
        var early = await cashier.SubmitAsync(shiftPage, "[data-testid=shift-close]", new Dictionary<string, string> { ["Counted"] = "0" }, "/cashier/shift");
        Assert.Contains("Còn mã VietQR chờ chuyển khoản", (await PageOfAsync(early)).QuerySelector("[data-testid=shift-error]")!.TextContent);
        using (var scope = app.Services.CreateScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<CashierDesk>().ConfirmTransferAsync(qr.Id, "cashier")).Error);

        var expectedCash = cashDue + 500_000 - refund;
        (_, shiftPage) = await cashier.GetPageAsync("/cashier/shift");
        Assert.Contains(Money(expectedCash), shiftPage.QuerySelector("[data-testid=shift-expected-cash]")!.TextContent);
        Assert.Contains(Money(qrDue), shiftPage.QuerySelector("[data-testid=shift-transfers]")!.TextContent);
        Assert.Equal(4, shiftPage.QuerySelectorAll("[data-testid=shift-line]").Length);
        var shiftId = long.Parse(shiftPage.QuerySelector("[data-testid=shift-report]")!.GetAttribute("data-shift-id")!);

        // 2,000 đồng short in the drawer.
        var closed = await cashier.SubmitAsync(shiftPage, "[data-testid=shift-close]",
            new Dictionary<string, string> { ["Counted"] = Money(expectedCash - 2000), ["Note"] = "Thiếu tiền lẻ" }, "/cashier/shift");
        Assert.True(WebSession.IsRedirectTo(closed, $"/cashier/shift/{shiftId}"), await closed.Content.ReadAsStringAsync());
        var (_, report) = await cashier.GetPageAsync($"/cashier/shift/{shiftId}");
        Assert.Contains("−2.000", report.QuerySelector("[data-testid=shift-difference]")!.TextContent);
        Assert.Null(report.QuerySelector("[data-testid=shift-close]"));

        // The next transaction opens a new shift.
        var next = await VisitAsync(app, extra: 0);
        await Press(next.Id, "deposit-cash", 10_000);
        Assert.NotEqual(shiftId, Assert.Single(await PaymentsAsync(app, next.Id)).ShiftId);

        var xlsx = await cashier.Client.GetAsync($"/cashier/shift/{shiftId}/report.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), isEditable: false);
        var summary = Rows(document, "Tổng hợp");
        Assert.Contains(["Thu tiền", "Tiền mặt", "1", Plain(cashDue)], summary);
        Assert.Contains(["Thu tiền", "VietQR", "1", Plain(qrDue)], summary);
        Assert.Contains(["Tạm ứng", "Tiền mặt", "1", "500000"], summary);
        Assert.Contains(["Hoàn tiền", "Tiền mặt", "1", Plain(refund)], summary);
        Assert.Contains(["Tiền mặt phải có trong két", Plain(expectedCash)], summary);
        Assert.Contains(["Chênh lệch (thừa + / thiếu −)", "-2000"], summary);
        Assert.Equal(4, Rows(document, "Giao dịch").Count(r => r.Contains("Đã thu")));
    }

    private static string Plain(decimal d) => d.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The non-empty cell texts of each row of a sheet, as a reader sees them.</summary>
    private static List<string[]> Rows(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").Where(t => t.Length > 0).ToArray())
            .ToList();
    }
}
