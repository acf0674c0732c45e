using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Billing.Cashier.CashierTestKit;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>Administrators open receipt books and give them to cashiers; cashiers see them and print from their own first.</summary>
public sealed class ReceiptBookTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_opens_a_book_for_a_cashier_who_then_prints_from_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await SharedBookAsync(app, "CHUNG/26", 100);
        using var admin = await SignedInAsync(app, "admin");
        var (_, page) = await admin.GetPageAsync("/cashier/books");
        Dictionary<string, string> Form(string series, string first, string last) =>
            new() { ["Series"] = series, ["Name"] = "Quầy 1", ["FirstNumber"] = first, ["LastNumber"] = last, ["AssignedTo"] = "cashier" };

        var bad = await admin.SubmitAsync(page, "[data-testid=book-form]", Form("chung/26", "50", "10"), "/cashier/books");
        var errors = (await PageOfAsync(bad)).QuerySelector("[data-testid=book-errors]")!.TextContent;
        Assert.Contains("Đã có quyển biên lai ký hiệu CHUNG/26.", errors);
        Assert.Contains("Số cuối phải lớn hơn hoặc bằng số đầu.", errors);
        var saved = await admin.SubmitAsync(page, "[data-testid=book-form]", Form("q1/26", "501", "1000"), "/cashier/books");
        Assert.True(WebSession.IsRedirectTo(saved, "/cashier/books"), await saved.Content.ReadAsStringAsync());

        // The cashier sees the books but cannot open one; a payment takes the cashier's own book first.
        using var cashier = await SignedInAsync(app, "cashier");
        var (_, books) = await cashier.GetPageAsync("/cashier/books");
        Assert.Equal(2, books.QuerySelectorAll("[data-testid=receipt-book]").Length);
        Assert.Null(books.QuerySelector("[data-testid=book-form]"));
        var visit = await VisitAsync(app);
        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "deposit-cash", "100.000"), VisitUrl(visit.Id)));
        var payment = Assert.Single(await PaymentsAsync(app, visit.Id));
        Assert.Equal(("Q1/26", 501), (payment.ReceiptSeries, payment.ReceiptNumber));

        // Switched off by the administrator: the shared book takes over.
        await using (var db = app.Database.NewContext())
        {
            var own = await db.Set<ReceiptBook>().SingleAsync(b => b.Series == "Q1/26");
            var (_, adminBooks) = await admin.GetPageAsync("/cashier/books");
            var toggled = await admin.SubmitAsync(adminBooks, "form:has(table[data-testid=receipt-books])", new Dictionary<string, string> { ["ToggleId"] = own.Id.ToString() }, "/cashier/books");
            Assert.True(WebSession.IsRedirectTo(toggled, "/cashier/books"));
        }
        Assert.True(WebSession.IsRedirectTo(await PressAsync(cashier, visit.Id, "deposit-cash", "50.000"), VisitUrl(visit.Id)));
        Assert.Equal(("CHUNG/26", 1), ((await PaymentsAsync(app, visit.Id))[1].ReceiptSeries, (await PaymentsAsync(app, visit.Id))[1].ReceiptNumber));
    }
}
