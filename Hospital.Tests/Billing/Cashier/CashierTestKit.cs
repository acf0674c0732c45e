using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Visits;
using Hospital.Web.Demo;
using Hospital.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>Fee-paying visits with known charges, the demo cashier's receipt book, and the counter page driven like a browser.</summary>
internal static class CashierTestKit
{
    public static string VisitUrl(int visitId) => $"/cashier/visits/{visitId}";

    /// <summary>The app with the demo receipt books, one fee-paying visit and the demo cashier signed in.</summary>
    public sealed record Counter(HospitalAppFactory App, WebSession Cashier, Visit Visit) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Cashier.Dispose();
            await App.DisposeAsync();
        }
    }

    public static async Task<Counter> CounterAsync(Hospital.Domain.Data.DatabaseProvider provider)
    {
        var app = await HospitalAppFactory.StartAsync(provider);
        await BooksAsync(app);
        return new Counter(app, await SignedInAsync(app, "cashier"), await VisitAsync(app));
    }

    /// <summary>Receipt books for the demo cashiers (as the demo seeding makes them).</summary>
    public static async Task BooksAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        await DemoCashier.EnsureReceiptBooksAsync(db, TimeProvider.System);
    }

    /// <summary>A book no cashier owns (used by every cashier without a book of their own), numbered 1 to <paramref name="last"/>.</summary>
    public static async Task SharedBookAsync(HospitalAppFactory app, string series, int last)
    {
        await using var db = app.Database.NewContext();
        db.Add(new ReceiptBook { Series = series, Name = "Dùng chung", FirstNumber = 1, LastNumber = last, NextNumber = 1, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>A fee-paying visit (its exam fee added by registration) plus one lab charge of <paramref name="extra"/> đồng.</summary>
    public static async Task<Visit> VisitAsync(HospitalAppFactory app, decimal extra = 180_000)
    {
        var patient = await VisitTestKit.PatientAsync(app);
        var room = await VisitTestKit.RoomAsync(app);
        var registered = await VisitTestKit.RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomId = room.Id });
        await using var db = app.Database.NewContext();
        var visit = await db.Set<Visit>().SingleAsync(v => v.Id == registered.Visit!.Id);
        if (extra > 0)
        {
            db.Add(new Charge
            {
                VisitId = visit.Id, ItemKind = ChargeItemKind.Service, ItemCode = "XN-TEST", ItemName = "Xét nghiệm thử", Unit = "lần",
                CostGroup = BhytCostGroup.Lab, Quantity = 1, UnitPrice = extra, BhytPayableRatio = 100, OrderedBy = "doctor", OrderedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        return visit;
    }

    public static async Task<VisitBalance> BalanceAsync(HospitalAppFactory app, int visitId)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<VisitAccount>().BalanceAsync(visitId))!;
    }

    public static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(user), "/"), $"{user} could not sign in");
        return session;
    }

    /// <summary>Presses one of the counter's money buttons (Op: payment-cash, payment-qr, deposit-cash, deposit-qr, refund-cash).</summary>
    public static async Task<HttpResponseMessage> PressAsync(WebSession cashier, int visitId, string op, string amount)
    {
        var (_, page) = await cashier.GetPageAsync(VisitUrl(visitId));
        return await cashier.SubmitAsync(page, "[data-testid=counter-take]", new Dictionary<string, string> { ["Amount"] = amount, ["Op"] = op }, VisitUrl(visitId));
    }

    /// <summary>Presses "transfer received" (confirm) or "cancel code" (cancel) under the QR of <paramref name="paymentId"/>.</summary>
    public static async Task<HttpResponseMessage> TransferAsync(WebSession cashier, int visitId, long paymentId, string op)
    {
        var (_, page) = await cashier.GetPageAsync(VisitUrl(visitId));
        return await cashier.SubmitAsync(page, $"[data-testid=counter-qr][data-payment-id='{paymentId}'] form",
            new Dictionary<string, string> { ["TransferOp"] = $"{op}:{paymentId}" }, VisitUrl(visitId));
    }

    public static async Task<IHtmlDocument> PageOfAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<List<Payment>> PaymentsAsync(HospitalAppFactory app, int visitId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Payment>().AsNoTracking().Where(p => p.VisitId == visitId).OrderBy(p => p.Id).ToListAsync();
    }

    public static string Money(decimal amount) => Hospital.Web.Features.Cashier.CounterAmounts.Money(amount);
}
