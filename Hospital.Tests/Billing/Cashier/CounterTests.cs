using System.Net;
using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Cashier;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Billing.Cashier.CashierTestKit;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>The counter as a cashier uses it: find the visit, collect cash or VietQR, deposits and refunds, receipts.</summary>
public sealed class CounterTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cash_payment_settles_the_visit_with_a_numbered_receipt(DatabaseProvider provider)
    {
        await using var counter = await CounterAsync(provider);
        var (app, cashier, visit) = counter;

        // A scanner types the ticket's visit code into the search box: the visit opens directly.
        var scan = await cashier.Client.GetAsync("/cashier?q=" + visit.Code);
        Assert.True(WebSession.IsRedirectTo(scan, VisitUrl(visit.Id)), scan.StatusCode.ToString());
        var before = await BalanceAsync(app, visit.Id);
        Assert.True(before.Due > 180_000);
        var (_, page) = await cashier.GetPageAsync(VisitUrl(visit.Id));
        Assert.Contains(Money(before.Due), page.QuerySelector("[data-testid=counter-due]")!.TextContent);

        var response = await PressAsync(cashier, visit.Id, "payment-cash", Money(before.Due));
        Assert.True(WebSession.IsRedirectTo(response, VisitUrl(visit.Id)), await response.Content.ReadAsStringAsync());
        var payment = Assert.Single(await PaymentsAsync(app, visit.Id));
        var year = DateTime.UtcNow.AddHours(7).Year % 100;
        Assert.Equal((PaymentKind.Payment, PaymentMethod.Cash, PaymentStatus.Completed, before.Due, $"BL01/{year:00}", 1, "cashier"),
            (payment.Kind, payment.Method, payment.Status, payment.Amount, payment.ReceiptSeries, payment.ReceiptNumber, payment.ConfirmedBy));
        Assert.NotNull(payment.ShiftId);
        Assert.True((await BalanceAsync(app, visit.Id)).Settled);

        var pdf = await cashier.Client.GetAsync($"/cashier/payments/{payment.Id}/receipt.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            var text = await PopplerTools.RunAsync("pdftotext", $"-layout {file} -");
            Assert.Contains("BIÊN LAI THU TIỀN VIỆN PHÍ", text);
            Assert.Contains("Số: 0000001", text);
            Assert.Contains(visit.Code, text);
            Assert.Contains(Money(before.Due), text);
            Assert.Contains("Bằng chữ: " + AmountInWords.Dong(before.Due), text);
            Assert.Contains("Đặng Thị Thu", text);   // the demo cashier's full name
        }
        finally { File.Delete(file); }

        // Nothing more to collect: a second payment is refused and nothing is stored.
        var again = await PressAsync(cashier, visit.Id, "payment-cash", "1000");
        Assert.Contains("không còn khoản nào phải trả", (await PageOfAsync(again)).QuerySelector("[data-testid=counter-error]")!.TextContent);
        Assert.Single(await PaymentsAsync(app, visit.Id));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task VietQr_waits_for_the_cashier_to_confirm_the_transfer(DatabaseProvider provider)
    {
        await using var counter = await CounterAsync(provider);
        var (app, cashier, visit) = counter;
        var due = (await BalanceAsync(app, visit.Id)).Due;

        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "payment-qr", Money(due)), VisitUrl(visit.Id)));
        var waiting = Assert.Single(await PaymentsAsync(app, visit.Id));
        Assert.Equal(PaymentStatus.AwaitingTransfer, waiting.Status);
        Assert.Null(waiting.ReceiptNumber);
        Assert.Equal($"VP{waiting.Id} {visit.Code}", waiting.TransferReference);
        Assert.Equal(due, (await BalanceAsync(app, visit.Id)).Due);   // no money yet

        // The page shows the QR whose payload carries the amount and the reference, with a valid CRC.
        var (_, page) = await cashier.GetPageAsync(VisitUrl(visit.Id));
        var qr = page.QuerySelector("[data-testid=counter-qr]")!;
        Assert.NotNull(qr.QuerySelector("svg"));
        var payload = qr.QuerySelector("[data-testid=counter-qr-payload]")!.TextContent;
        var fields = VietQrPayload.Parse(payload).ToDictionary(f => f.Id, f => f.Value);
        Assert.Equal(due.ToString("0"), fields["54"]);
        Assert.Equal(waiting.TransferReference, VietQrPayload.Parse(fields["62"]).Single(f => f.Id == "08").Value);
        Assert.Equal(VietQrPayload.Crc16CcittFalse(payload[..^4]).ToString("X4"), payload[^4..]);

        var confirm = await TransferAsync(cashier, visit.Id, waiting.Id, "confirm");
        Assert.True(WebSession.IsRedirectTo(confirm, VisitUrl(visit.Id)), await confirm.Content.ReadAsStringAsync());
        var done = Assert.Single(await PaymentsAsync(app, visit.Id));
        Assert.Equal((PaymentStatus.Completed, 1), (done.Status, done.ReceiptNumber));
        Assert.True((await BalanceAsync(app, visit.Id)).Settled);

        // A second QR that is never paid is cancelled without any approval and changes nothing.
        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "deposit-qr", "50.000"), VisitUrl(visit.Id)));
        var unpaid = (await PaymentsAsync(app, visit.Id)).Last();
        var cancel = await TransferAsync(cashier, visit.Id, unpaid.Id, "cancel");
        Assert.True(WebSession.IsRedirectTo(cancel, VisitUrl(visit.Id)));
        Assert.Equal(PaymentStatus.Voided, (await PaymentsAsync(app, visit.Id)).Last().Status);
        Assert.True((await BalanceAsync(app, visit.Id)).Settled);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deposit_then_refund_only_what_was_paid_beyond_the_share(DatabaseProvider provider)
    {
        await using var counter = await CounterAsync(provider);
        var (app, cashier, visit) = counter;
        var share = (await BalanceAsync(app, visit.Id)).PatientShare;

        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "deposit-cash", "1.000.000"), VisitUrl(visit.Id)));
        var balance = await BalanceAsync(app, visit.Id);
        Assert.Equal((1_000_000m, 1_000_000m), (balance.Paid, balance.Deposits));
        var refundable = CounterAmounts.Refundable(balance);
        Assert.Equal(decimal.Floor(1_000_000 - share), refundable);

        var tooMuch = await PressAsync(cashier, visit.Id, "refund-cash", Money(refundable + 1));
        Assert.Contains($"Chỉ hoàn được tối đa {Money(refundable)} đồng", (await PageOfAsync(tooMuch)).QuerySelector("[data-testid=counter-error]")!.TextContent);
        Assert.Single(await PaymentsAsync(app, visit.Id));

        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "refund-cash", Money(refundable)), VisitUrl(visit.Id)));
        var payments = await PaymentsAsync(app, visit.Id);
        Assert.Equal([1, 2], payments.Select(p => p.ReceiptNumber!.Value));
        Assert.Equal(PaymentKind.Refund, payments[1].Kind);
        balance = await BalanceAsync(app, visit.Id);
        Assert.True(balance.Settled);
        Assert.Equal(0, CounterAmounts.Refundable(balance));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_counters_never_get_the_same_receipt_number_and_an_exhausted_book_says_so(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        // One shared book of 8 numbers for two cashiers at once.
        await SharedBookAsync(app, "CHUNG/26", 8);
        var visits = new List<int>();
        for (var i = 0; i < 9; i++) visits.Add((await VisitAsync(app, extra: 0)).Id);

        async Task<CounterResult> Pay(int visitId, string cashier)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CashierDesk>().TakeAsync(visitId, PaymentKind.Payment, PaymentMethod.Cash, "1000", cashier);
        }
        var results = await Task.WhenAll(visits.Take(8).Select((id, i) => Pay(id, i % 2 == 0 ? "cashier" : "cashier2")));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Payment!.ReceiptNumber!.Value).Order());

        var exhausted = await Pay(visits[8], "cashier");
        Assert.Contains("Quyển biên lai CHUNG/26 đã hết số", exhausted.Error);
        Assert.Empty(await PaymentsAsync(app, visits[8]));
        await using var check = app.Database.NewContext();
        Assert.Equal(9, (await check.Set<ReceiptBook>().SingleAsync()).NextNumber);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Without_a_receipt_book_nothing_is_collected(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        using var cashier = await SignedInAsync(app, "cashier");
        var response = await PressAsync(cashier, visit.Id, "payment-cash", "10.000");
        Assert.Contains("chưa có quyển biên lai", (await PageOfAsync(response)).QuerySelector("[data-testid=counter-error]")!.TextContent);
        Assert.Empty(await PaymentsAsync(app, visit.Id));
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<CashierShift>().CountAsync());
    }
}
