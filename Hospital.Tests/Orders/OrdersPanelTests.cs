using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Orders.OrdersTestKit;

namespace Hospital.Tests.Orders;

/// <summary>The orders panel and the result page as a signed-in doctor uses them over HTTP (the htmx requests).</summary>
public sealed class OrdersPanelTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_doctor_orders_a_demo_panel_and_an_x_ray_cancels_one_and_the_x_ray_report_shows_in_the_panel(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app, VisitKind.Bhyt);
        using var doctor = app.NewSession();
        await doctor.SignInAsync("doctor");
        var url = $"/clinic/visits/{visitId}/orders";

        var (_, panel) = await doctor.GetPageAsync(url);
        Assert.NotNull(panel.QuerySelector("[data-testid=order-service-search]"));
        Assert.NotNull(panel.QuerySelector("[data-testid=order-set-SHM-CB]"));
        Assert.NotNull(panel.QuerySelector("[data-testid=orders-empty]"));

        // Search without accents (and without the hyphen of "X-quang") by name, then by code.
        var (_, found) = await doctor.GetPageAsync($"{url}/search?q=x quang nguc");
        var xray = found.QuerySelectorAll("[data-testid=order-search-result]").Single(b => b.GetAttribute("data-service-code") == "18.0119.0028");
        Assert.Contains("18.0119.0028", (await doctor.GetPageAsync($"{url}/search?q=18.0119")).Page.Body!.TextContent);

        var afterSet = await ParseAsync(await doctor.SubmitAsync(panel, "[data-testid=order-form]", new Dictionary<string, string> { ["orderSetId"] = SetId(panel, "SHM-CB") }, url));
        Assert.NotNull(afterSet.QuerySelector("[data-testid=orders-success]"));
        Assert.Equal(5, afterSet.QuerySelectorAll("[data-testid=order-row]").Length);
        var afterXray = await ParseAsync(await doctor.SubmitAsync(afterSet, "[data-testid=order-form]", new Dictionary<string, string> { ["serviceId"] = xray.GetAttribute("value")! }, url));
        Assert.Equal(2, afterXray.QuerySelectorAll("[data-testid=order-request]").Length);
        var xrayRow = Row(afterXray, "18.0119.0028");
        Assert.Equal("Ordered", xrayRow.QuerySelector("[data-testid=order-status]")!.GetAttribute("data-status"));

        // The same X-ray again: asked first, stored after "order again".
        var asked = await ParseAsync(await doctor.SubmitAsync(afterXray, "[data-testid=order-form]", new Dictionary<string, string> { ["serviceId"] = xray.GetAttribute("value")! }, url));
        Assert.NotNull(asked.QuerySelector("[data-testid=orders-duplicate]"));
        Assert.Equal(6, asked.QuerySelectorAll("[data-testid=order-row]").Length);

        // Cancel the glucose with a reason.
        var glucose = Row(asked, "23.0075.1494");
        var cancelUrl = $"{url}/{glucose.GetAttribute("data-order-id")}/cancel";
        var cancelled = await ParseAsync(await doctor.SubmitAsync(asked, $"form[hx-post='{cancelUrl}']", new Dictionary<string, string> { ["reason"] = "Đã làm hôm qua" }, cancelUrl));
        Assert.Equal("Cancelled", Row(cancelled, "23.0075.1494").QuerySelector("[data-testid=order-status]")!.GetAttribute("data-status"));
        Assert.Null(Row(cancelled, "23.0075.1494").QuerySelector("[data-testid=order-cancel]"));

        // The imaging department enters the report; the panel shows it.
        var resultUrl = $"/clinic/orders/{Row(cancelled, "18.0119.0028").GetAttribute("data-order-id")}/result";
        var (_, resultPage) = await doctor.GetPageAsync(resultUrl);
        var saved = await doctor.SubmitAsync(resultPage, "[data-testid=result-form]", new Dictionary<string, string>
        {
            ["ResultText"] = "Bóng tim không to. Hai phế trường sáng.",
            ["ResultConclusion"] = "Chưa phát hiện bất thường trên phim",
        }, resultUrl);
        Assert.True(WebSession.IsRedirectTo(saved, resultUrl), $"{(int)saved.StatusCode}");
        var (_, final) = await doctor.GetPageAsync(url);
        Assert.Contains("Chưa phát hiện bất thường trên phim", final.QuerySelector("[data-testid=order-result-conclusion]")!.TextContent);
        Assert.Equal("Performed", Row(final, "18.0119.0028").QuerySelector("[data-testid=order-status]")!.GetAttribute("data-status"));

        await using var db = app.Database.NewContext();
        var staffId = await db.Users.Where(u => u.UserName == "doctor").Select(u => u.StaffId).SingleAsync();
        var orders = await db.Set<ServiceOrder>().Where(o => o.VisitId == visitId).ToListAsync();
        Assert.Equal(6, orders.Count);
        Assert.All(orders, o => Assert.Equal(staffId, o.OrderingStaffId));
        Assert.All(orders, o => Assert.Equal("doctor", o.OrderedBy));
        Assert.Equal(1, await db.Set<Charge>().CountAsync(c => c.VisitId == visitId && c.VoidedAt != null));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_concluded_visit_shows_its_orders_read_only_and_refuses_a_post(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var glucose = await ServiceAsync(app);
        Assert.True((await OrderAsync(app, new(visitId, [glucose.Id]))).Ok);
        using var doctor = app.NewSession();
        await doctor.SignInAsync("doctor");
        var url = $"/clinic/visits/{visitId}/orders";
        var (_, open) = await doctor.GetPageAsync(url);
        await using (var db = app.Database.NewContext())
            await db.Set<Visit>().Where(v => v.Id == visitId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.Concluded));

        var (_, locked) = await doctor.GetPageAsync(url);
        Assert.NotNull(locked.QuerySelector("[data-testid=orders-locked]"));
        Assert.Null(locked.QuerySelector("[data-testid=order-form]"));
        Assert.Null(locked.QuerySelector("[data-testid=order-cancel]"));
        Assert.Single(locked.QuerySelectorAll("[data-testid=order-row]"));

        var refused = await ParseAsync(await doctor.SubmitAsync(open, "[data-testid=order-form]", new Dictionary<string, string> { ["serviceId"] = glucose.Id.ToString() }, url));
        Assert.Contains("đã kết thúc khám", refused.QuerySelector("[data-testid=orders-error]")!.TextContent);
        Assert.Equal(1, (await CountAsync(app)).Orders);
    }

    private static string SetId(IHtmlDocument panel, string code) => panel.QuerySelector($"[data-testid=order-set-{code}]")!.GetAttribute("value")!;

    private static AngleSharp.Dom.IElement Row(IHtmlDocument panel, string serviceCode) =>
        panel.QuerySelectorAll("[data-testid=order-row]").First(r => r.GetAttribute("data-service-code") == serviceCode);
}
