using System.Net;
using AngleSharp.Html.Dom;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Pharmacy.Stock;

/// <summary>The pharmacist's screens over HTTP: a receipt through the form (refused, then accepted), the on-hand view, the stock card; and the demo pharmacy.</summary>
public sealed class StockPagesTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_pharmacist_receives_an_invoice_through_the_form_and_sees_the_lot_on_hand(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        using var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync("pharmacist"), "/"));
        var store = await kit.StoreIdAsync("KHO-CHINH");
        var expiry = kit.Today.AddMonths(20).ToString("yyyy-MM-dd");

        var line = await session.Client.GetStringAsync("/pharmacy/receipts/line");
        Assert.Contains("name=\"lot\"", line);

        var (_, page) = await session.GetPageAsync("/pharmacy/receipts/new");
        var refused = await PostAsync(session, page, "[data-testid=receipt-form]", "/pharmacy/receipts/new",
            ("store", store.ToString()), ("supplier", "Công ty Dược A"), ("invoice", "HD-77"), ("invoiceDate", kit.Today.ToString("yyyy-MM-dd")),
            ("drug", "TH0001"), ("lot", ""), ("expiry", expiry), ("quantity", "10"), ("cost", "300"),
            ("drug", "TH0002"), ("lot", "W-2"), ("expiry", ""), ("quantity", "5"), ("cost", "1000"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Dòng 1: Nhập số lô.", html);
        Assert.Contains("Dòng 2: Nhập hạn dùng.", html);
        Assert.Contains("value=\"W-2\"", html);
        Assert.Equal("0,0,0,0,0,0,0,0", await kit.FootprintAsync());

        var saved = await PostAsync(session, page, "[data-testid=receipt-form]", "/pharmacy/receipts/new",
            ("store", store.ToString()), ("supplier", "Công ty Dược A"), ("invoice", "HD-77"), ("invoiceDate", kit.Today.ToString("yyyy-MM-dd")),
            ("drug", "TH0001"), ("lot", "W-1"), ("expiry", expiry), ("quantity", "120"), ("cost", "300"),
            ("drug", ""), ("lot", ""), ("expiry", ""), ("quantity", ""), ("cost", ""));
        Assert.True(WebSession.IsRedirectTo(saved, "/pharmacy/receipts/"), $"{(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        var (_, view) = await session.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("W-1", view.QuerySelector("[data-testid=receipt-view]")!.TextContent);

        var (_, stock) = await session.GetPageAsync($"/pharmacy/stock?store={store}&q=W-1");
        var row = stock.QuerySelector("tr[data-lot='W-1']")!;
        Assert.Equal("120", row.QuerySelector("[data-testid=stock-on-hand]")!.TextContent.Trim());
        var (_, check) = await session.GetPageAsync("/pharmacy/stock?check=1");
        Assert.NotNull(check.QuerySelector("[data-testid=stock-check-ok]"));

        var drug = await kit.DrugIdAsync("TH0001");
        var (_, card) = await session.GetPageAsync($"/pharmacy/stock/card?store={store}&drug={drug}");
        Assert.Equal("120", card.QuerySelector("[data-testid=stock-card-balance]")!.TextContent.Trim());
        Assert.Contains("Nhập từ nhà cung cấp", card.QuerySelector("[data-testid=stock-card]")!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_demo_pharmacy_stocks_every_drug_skips_the_expired_lot_and_agrees_with_its_ledger(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?> { ["Demo:Stock"] = "true" });
        var kit = new StockTestKit(app);
        await using var db = app.Database.NewContext();
        var drugs = await db.Set<Hospital.Domain.Catalog.Drug>().CountAsync(d => d.IsActive);
        var ngt = await kit.StoreIdAsync("KHO-NGT");
        var hscc = await kit.StoreIdAsync("TU-HSCC");
        var balances = await db.Set<StockBalance>().AsNoTracking().Where(b => b.OnHand > 0).ToListAsync();
        Assert.Equal(drugs, balances.Where(b => b.StoreId == ngt).Select(b => b.DrugId).Distinct().Count());
        Assert.Equal(8, balances.Where(b => b.StoreId == hscc).Select(b => b.DrugId).Distinct().Count());
        Assert.Equal(5m, await kit.OnHandAsync("KHO-CHINH", "TH0001", DemoPharmacy.ExpiredLot));
        Assert.Equal(0m, await kit.OnHandAsync("KHO-NGT", "TH0001", DemoPharmacy.ExpiredLot));
        Assert.Equal(2, await db.Set<StockTransfer>().CountAsync(t => t.Status == StockTransferStatus.Received));
        Assert.True(await db.Set<StoreDrugLevel>().CountAsync() >= drugs);
        await kit.AssertLedgerAgreesAsync();

        // The stores are a catalog the administrator keeps.
        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));
        var (response, page) = await admin.GetPageAsync("/catalogs/stores");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("KHO-NGT", page.Body!.TextContent);
        Assert.Contains("Tủ trực khoa", page.Body!.TextContent);
    }

    private static async Task<HttpResponseMessage> PostAsync(WebSession session, IHtmlDocument page, string formSelector, string url, params (string Key, string Value)[] fields)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && fields.All(f => f.Key != i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await session.Client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
