using System.Net;
using Hospital.Domain.Billing;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Billing.Statement.StatementTestKit;

namespace Hospital.Tests.Billing.Statement;

/// <summary>The statement (bảng kê chi phí) a cashier, finance officer or receptionist opens for a visit.</summary>
public sealed class StatementTests
{
    private static string Text(AngleSharp.Dom.IParentNode page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? "";

    private static async Task<HttpResponseMessage> VoidAsync(WebSession session, int visitId, string code, string reason)
    {
        var (_, page) = await session.GetPageAsync($"/billing/visits/{visitId}");
        return await session.SubmitAsync(page, $"tr[data-code='{code}'] form[data-testid=void-form]", new Dictionary<string, string> { ["reason"] = reason });
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Lines_are_grouped_as_on_the_form_with_totals_the_share_and_why_and_print(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitWithChargesAsync(app, VisitKind.Bhyt);
        using var reception = await SignedInAsync(app, "reception");

        var (response, page) = await reception.GetPageAsync($"/billing/visits/{visitId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1. Khám bệnh", "3. Xét nghiệm", "8. Thuốc, dịch truyền"],
            page.QuerySelectorAll("[data-testid=statement-section] td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal("80%", Text(page, "muc-huong"));
        Assert.Contains("Đối tượng 1.1", Text(page, "muc-huong-reason"));
        var total = page.QuerySelector("[data-testid=statement-total]")!;
        Assert.Equal("446.015", Text(total, "bhtt"));  // 446,014.6 shown in whole đồng
        Assert.Equal("111.504", Text(total, "bncct"));
        Assert.Equal("68.518", Text(total, "bntt"));
        Assert.Equal("180.022", Text(page, "patient-share"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=void-form]")); // reception reads, does not void

        var pdf = await reception.Client.GetAsync($"/billing/visits/{visitId}/statement.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
            var text = await PopplerTools.RunAsync("pdftotext", $"-layout {file} -");
            Assert.Contains("BẢNG KÊ CHI PHÍ KHÁM BỆNH, CHỮA BỆNH", text);
            Assert.Contains("Thuốc tỷ lệ thử", text);
            Assert.Contains("Quỹ BHYT thanh toán: 446.015 đồng", text);
            var info = await PopplerTools.RunAsync("pdfinfo", file);
            Assert.Contains("842 x 595 pts (A4)", info); // landscape
        }
        finally { File.Delete(file); }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_cashier_voids_a_line_with_a_reason_and_the_money_follows(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitWithChargesAsync(app, VisitKind.Bhyt);
        using var cashier = await SignedInAsync(app, "cashier");

        var refused = await VoidAsync(cashier, visitId, LabCode, "   ");
        Assert.True(WebSession.IsRedirectTo(refused, $"/billing/visits/{visitId}"));
        var (_, afterRefusal) = await cashier.GetPageAsync($"/billing/visits/{visitId}");
        Assert.Contains("Nhập lý do hủy dòng chi phí.", afterRefusal.Body!.TextContent);
        await using (var db = app.Database.NewContext())
            Assert.Null((await db.Set<Charge>().SingleAsync(c => c.VisitId == visitId && c.ItemCode == LabCode)).VoidedAt);

        Assert.True(WebSession.IsRedirectTo(await VoidAsync(cashier, visitId, LabCode, "Chỉ định nhầm"), $"/billing/visits/{visitId}"));

        var (_, page) = await cashier.GetPageAsync($"/billing/visits/{visitId}");
        Assert.Contains("Đã hủy dòng chi phí.", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"[data-testid=statement-line][data-code='{LabCode}']"));
        var voided = Assert.Single(page.QuerySelectorAll("[data-testid=voided-line]"));
        Assert.Contains("Chỉ định nhầm", voided.TextContent);
        Assert.Contains("cashier", voided.TextContent);
        // Without the lab the in-scope cost (57,518.25) is under 15% of the base salary: the small-visit rule pays 100%.
        Assert.Equal("100%", Text(page, "muc-huong"));
        Assert.Equal("18.518", Text(page, "patient-share"));
        await using (var db = app.Database.NewContext())
        {
            var lab = await db.Set<Charge>().SingleAsync(c => c.VisitId == visitId && c.ItemCode == LabCode);
            Assert.Equal(("Chỉ định nhầm", "cashier"), (lab.VoidReason, lab.VoidedBy));
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Once_the_claim_is_sent_lines_are_not_voided_and_reception_never_voids(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitWithChargesAsync(app, VisitKind.Bhyt);
        using var finance = await SignedInAsync(app, "insurance");
        var (_, before) = await finance.GetPageAsync($"/billing/visits/{visitId}");
        Assert.NotEmpty(before.QuerySelectorAll("[data-testid=void-form]"));
        await ClaimAsync(app, visitId, ClaimStatus.Sent);

        var response = await finance.SubmitAsync(before, $"tr[data-code='{LabCode}'] form[data-testid=void-form]", new Dictionary<string, string> { ["reason"] = "Sửa hồ sơ" });

        Assert.True(WebSession.IsRedirectTo(response, $"/billing/visits/{visitId}"));
        var (_, page) = await finance.GetPageAsync($"/billing/visits/{visitId}");
        Assert.Contains("đang gửi cổng BHXH", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=statement-locked]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=void-form]"));

        using var reception = await SignedInAsync(app, "reception");
        var (_, readOnly) = await reception.GetPageAsync($"/billing/visits/{visitId}");
        var token = readOnly.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var denied = await reception.Client.PostAsync($"/billing/visits/{visitId}/charges/1/void",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x", ["__RequestVerificationToken"] = token }));
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || WebSession.IsRedirectTo(denied, "/account/access-denied"));
        await using var db = app.Database.NewContext();
        Assert.Equal(0, await db.Set<Charge>().CountAsync(c => c.VisitId == visitId && c.VoidedAt != null));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Finance_finds_a_statement_by_visit_code_from_the_insurance_workspace(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitWithChargesAsync(app, VisitKind.Fee);
        string code;
        await using (var db = app.Database.NewContext())
            code = await db.Set<Visit>().Where(v => v.Id == visitId).Select(v => v.Code).SingleAsync();
        using var finance = await SignedInAsync(app, "insurance");
        var (_, workspace) = await finance.GetPageAsync("/insurance");
        Assert.NotNull(workspace.QuerySelector("form[data-testid=statement-find]"));

        Assert.True(WebSession.IsRedirectTo(await finance.Client.GetAsync($"/billing/visits/find?code={code}"), $"/billing/visits/{visitId}"));
        Assert.True(WebSession.IsRedirectTo(await finance.Client.GetAsync("/billing/visits/find?code=KHONGCO"), "/insurance"));
    }
}
