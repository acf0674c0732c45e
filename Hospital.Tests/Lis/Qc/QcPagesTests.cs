using System.Net;
using AngleSharp.Html.Parser;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis.Qc;

/// <summary>The technician's QC screen over the demo month, and the administrator's QC targets.</summary>
public sealed class QcPagesTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_qc_screen_charts_each_control_and_shows_the_planted_1_3s_and_2_2s(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<QcResult>().Where(r => r.Violations != null).Select(r => r.Violations!).ToListAsync();
            Assert.Single(stored, v => v.Contains("1-3s"));
            Assert.Single(stored, v => v.Contains("2-2s"));
            Assert.DoesNotContain(stored, v => v.Contains("R-4s") || v.Contains("4-1s") || v.Contains("10x"));
            Assert.Equal(12 * DemoQc.Days, await db.Set<QcResult>().CountAsync());
        }
        // Seeding again (a restart) adds nothing.
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoQc.AddAsync(scope.ServiceProvider.GetRequiredService<HospitalDbContext>(), TimeProvider.System, default);
        await using (var db = app.Database.NewContext())
            Assert.Equal(12 * DemoQc.Days, await db.Set<QcResult>().CountAsync());

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var (response, page) = await lab.GetPageAsync("/lab/qc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var series = page.QuerySelectorAll("[data-testid=qc-series]");
        Assert.Equal(12, series.Length);
        var wbc = series.Single(s => s.GetAttribute("data-analyser") == "XN1" && s.GetAttribute("data-control") == "QC-XN-L2" && s.GetAttribute("data-test") == "HH-WBC");
        var svg = wbc.QuerySelector("[data-testid=qc-chart] svg")!;
        Assert.Equal("30", svg.GetAttribute("data-runs"));
        Assert.Equal(30, svg.QuerySelectorAll("g.qc-point").Length);
        Assert.Equal(7, svg.QuerySelectorAll("line.sd-line").Length);
        Assert.Single(svg.QuerySelectorAll("g.qc-reject"));
        Assert.Equal("1-2s;1-3s", svg.QuerySelector("g.qc-reject")!.GetAttribute("data-violations"));
        var glucose = series.Single(s => s.GetAttribute("data-control") == "QC-BS-N" && s.GetAttribute("data-test") == "SH-GLU");
        Assert.Single(glucose.QuerySelectorAll("svg g.qc-reject"));
        Assert.Single(glucose.QuerySelectorAll("svg g.qc-warning"));
        // The latest runs are in control: no rejected summary.
        Assert.Null(page.QuerySelector("[data-testid=qc-rejected-summary]"));
        Assert.Equal(QcPageRows, wbc.QuerySelectorAll("[data-testid=qc-run]").Length);

        var (_, bs1) = await lab.GetPageAsync("/lab/qc?analyser=BS1");
        Assert.All(bs1.QuerySelectorAll("[data-testid=qc-series]"), s => Assert.Equal("BS1", s.GetAttribute("data-analyser")));
    }

    private const int QcPageRows = Hospital.Web.Features.LabQc.QcPage.Latest;

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_admin_adds_a_target_for_a_new_lot_which_replaces_the_old_one_and_can_switch_one_off(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await QueueWebKit.SignedInAsync(app, "admin");
        var (_, page) = await admin.GetPageAsync("/admin/qc-targets");
        var before = page.QuerySelectorAll("[data-testid=qc-target-row]").Length;
        Assert.Equal(12, before);
        var oldId = page.QuerySelectorAll("[data-testid=qc-target-row]")
            .Single(r => r.TextContent.Contains("QC-XN-L1") && r.TextContent.Contains("HH-HGB")).GetAttribute("data-id");

        Dictionary<string, string> Form(string sd) => new()
        {
            ["TargetAnalyser"] = "XN1", ["TargetControlId"] = "QC-XN-L1", ["TargetTestCode"] = "HH-HGB",
            ["TargetLevel"] = "Mức 1 – lô 2412", ["TargetMean"] = "81,5", ["TargetSd"] = sd,
        };
        var refused = await admin.SubmitAsync(page, "[data-testid=qc-target-form]", Form("0"), "/admin/qc-targets");
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Độ lệch chuẩn (SD) phải lớn hơn 0.", refusedPage.QuerySelector("[data-testid=qc-target-errors]")!.TextContent);
        var missing = await admin.SubmitAsync(page, "[data-testid=qc-target-form]",
            new Dictionary<string, string> { ["TargetAnalyser"] = " ", ["TargetControlId"] = "", ["TargetTestCode"] = "NOPE", ["TargetMean"] = "abc", ["TargetSd"] = "1" }, "/admin/qc-targets");
        var missingText = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-testid=qc-target-errors]")!.TextContent;
        Assert.Contains("Nhập tên máy xét nghiệm", missingText);
        Assert.Contains("Nhập mã mẫu nội kiểm", missingText);
        Assert.Contains("Không có xét nghiệm mã NOPE.", missingText);
        Assert.Contains("Giá trị trung bình phải là một số.", missingText);

        var saved = await admin.SubmitAsync(page, "[data-testid=qc-target-form]", Form("1.8"), "/admin/qc-targets");
        Assert.True(WebSession.IsRedirectTo(saved, "/admin/qc-targets"), saved.StatusCode.ToString());
        await using (var db = app.Database.NewContext())
        {
            var hgbId = await db.Set<LabTest>().Where(t => t.Code == "HH-HGB").Select(t => t.Id).SingleAsync();
            var hgb = await db.Set<QcTarget>().Where(t => t.Analyser == "XN1" && t.ControlId == "QC-XN-L1" && t.LabTestId == hgbId).ToListAsync();
            Assert.Equal(2, hgb.Count);
            var current = Assert.Single(hgb, t => t.IsActive);
            Assert.Equal((81.5m, 1.8m, "Mức 1 – lô 2412", "admin"), (current.Mean, current.Sd, current.Level, current.CreatedBy));
            Assert.False(hgb.Single(t => t.Id.ToString() == oldId).IsActive);
        }

        var (_, list) = await admin.GetPageAsync("/admin/qc-targets");
        var activeId = list.QuerySelectorAll("[data-testid=qc-target-row][data-active=true]").First().GetAttribute("data-id")!;
        var off = await admin.SubmitAsync(list, "[data-testid=qc-target-list-form]", new Dictionary<string, string> { ["DeactivateId"] = activeId }, "/admin/qc-targets");
        Assert.True(WebSession.IsRedirectTo(off, "/admin/qc-targets"), off.StatusCode.ToString());
        await using (var db = app.Database.NewContext())
            Assert.False((await db.Set<QcTarget>().SingleAsync(t => t.Id == int.Parse(activeId))).IsActive);

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        Assert.Equal(11, (await lab.GetPageAsync("/lab/qc")).Page.QuerySelectorAll("[data-testid=qc-series]").Length);
    }
}
