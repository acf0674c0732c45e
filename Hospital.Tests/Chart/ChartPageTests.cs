using System.Net;
using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Features.Chart;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Chart;

/// <summary>The patient chart as a doctor opens it: what it shows, that the opening is logged once, who may open it.</summary>
public sealed class ChartPageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Chart_shows_the_visits_diagnoses_vitals_results_and_signed_documents(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var seeded = await ChartTestKit.VisitAsync(app);
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");

        var (response, page) = await doctor.GetPageAsync($"/clinic/patients/{seeded.PatientId}/chart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Penicilin (mề đay)", page.QuerySelector("[data-testid=allergy-banner]")!.TextContent);
        var visit = page.QuerySelector($"[data-testid=visit-{seeded.VisitId}]")!.TextContent;
        Assert.Contains(ChartTestKit.Primary, visit);
        Assert.Contains("I10", visit);
        Assert.Contains("E11.9", visit);
        Assert.Contains("Đã kết thúc", visit);
        var diagnoses = page.QuerySelector("[data-testid=diagnoses]")!.TextContent;
        foreach (var code in new[] { "J06.9", "I10", "E11.9" }) Assert.Contains(code, diagnoses);
        Assert.Contains("142/91", page.QuerySelector("[data-testid=vitals]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=vitals-charts] svg polyline, [data-testid=vitals-charts] svg circle"));
        var lab = page.QuerySelector($"[data-testid=order-{seeded.LabOrderId}]")!.TextContent;
        Assert.Contains("12.5", lab);
        Assert.Contains("H", lab);
        Assert.Contains("Không thấy tổn thương", page.QuerySelector("[data-testid=results]")!.TextContent);
        var v2 = page.QuerySelector($"[data-testid=document-{seeded.DocumentV2}]")!;
        Assert.Contains("v2", v2.TextContent);
        Assert.Contains("Bổ sung kết quả X-quang", v2.TextContent);
        Assert.Equal($"/clinic/documents/{seeded.DocumentV2}/pdf", v2.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("v1", page.QuerySelector($"[data-testid=document-{seeded.DocumentV1}]")!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Opening_the_chart_writes_one_open_row_with_the_user_and_the_older_visits_load_without_another(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var seeded = await ChartTestKit.VisitAsync(app, daysAgo: 400);
        await AddVisitsAsync(app, seeded, ChartQueries.VisitsPerPage + 4);
        using var nurse = await QueueWebKit.SignedInAsync(app, "nurse");

        var (_, page) = await nurse.GetPageAsync($"/clinic/patients/{seeded.PatientId}/chart");
        Assert.Equal(ChartQueries.VisitsPerPage, page.QuerySelectorAll("[data-testid=timeline] article").Length);
        var more = page.QuerySelector("[data-testid=timeline-more]")!.GetAttribute("hx-get")!;
        var (_, older) = await nurse.GetPageAsync(more);
        // 24 added + the seeded one = 25: five on the second page, the oldest (seeded) last, and no further button.
        var articles = older.QuerySelectorAll("article");
        Assert.Equal(5, articles.Length);
        Assert.Equal($"visit-{seeded.VisitId}", articles[^1].GetAttribute("data-testid"));
        Assert.Null(older.QuerySelector("[data-testid=timeline-more]"));

        await using var db = app.Database.NewContext();
        var opens = await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.Open && e.Entity == ChartFeature.AuditEntity).ToListAsync();
        var open = Assert.Single(opens);
        Assert.Equal((seeded.PatientId.ToString(), "nurse"), (open.EntityKey, open.UserName));
        Assert.NotNull(open.UserId);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Roles_without_clinic_access_are_refused_and_an_unknown_patient_is_not_found(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var seeded = await ChartTestKit.VisitAsync(app);
        foreach (var user in new[] { "cashier", "reception" })
        {
            using var session = await QueueWebKit.SignedInAsync(app, user);
            foreach (var url in new[] { $"/clinic/patients/{seeded.PatientId}/chart", $"/clinic/patients/{seeded.PatientId}/visits/{seeded.VisitId}/export.xml" })
            {
                var page = await session.Client.GetAsync(url);
                Assert.True(WebSession.IsRedirectTo(page, "/account/access-denied"), $"{user} {url}: {page.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/api/v1/visits/{seeded.VisitId}/record.json")).StatusCode);
        }
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.Client.GetAsync("/clinic/patients/999999/chart")).StatusCode);

        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Entity == ChartFeature.AuditEntity || e.Action == AuditAction.Export));
    }

    /// <summary>Bare visits (no exam) after the seeded one, a day apart.</summary>
    private static async Task AddVisitsAsync(HospitalAppFactory app, ChartTestKit.Seeded seeded, int count)
    {
        await using var db = app.Database.NewContext();
        var template = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == seeded.VisitId);
        for (var i = 1; i <= count; i++)
        {
            var tag = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            var at = template.RegisteredAt.AddDays(i);
            db.Add(new Visit
            {
                Code = "CV" + tag, MaLk = "LK" + tag, PatientId = seeded.PatientId, Kind = VisitKind.Fee, Status = VisitStatus.Concluded,
                RegisteredAt = at, RegisteredBy = "test", VisitDate = DateOnly.FromDateTime(at), DepartmentId = template.DepartmentId, RoomId = template.RoomId,
            });
        }
        await db.SaveChangesAsync();
    }
}
