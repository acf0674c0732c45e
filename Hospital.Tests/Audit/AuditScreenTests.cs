using System.Net;
using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Audit;

/// <summary>The audit trail inside the running app: wiring, the admin screen and its verify action.</summary>
public sealed class AuditScreenTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_app_audits_through_both_the_scoped_context_and_the_factory(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            var scoped = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            scoped.Add(AuditedDatabase.NewPatient("BN900001"));
            await scoped.SaveChangesAsync();
            await using var fromFactory = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContextAsync();
            fromFactory.Add(AuditedDatabase.NewPatient("BN900002"));
            await fromFactory.SaveChangesAsync();
        }

        await using var db = app.Database.NewContext();
        var ids = await db.Set<Patient>().Where(p => p.Code.StartsWith("BN9")).OrderBy(p => p.Code).Select(p => p.Id.ToString()).ToListAsync();
        var rows = await db.Set<AuditEntry>().Where(e => e.Entity == "Patient" && ids.Contains(e.EntityKey)).ToListAsync();
        Assert.Equal(2, rows.Count);
        // Outside a request (seeding, these direct calls) the actor is "system".
        Assert.All(rows, r => Assert.Equal("system", r.UserName));
        var seededUsers = await db.Set<AuditEntry>().Where(e => e.Entity == "AppUser" && e.Action == AuditAction.Create).ToListAsync();
        Assert.Equal(8, seededUsers.Count); // demo seeding at start: one per role
        Assert.All(seededUsers, r => Assert.Equal("system", r.UserName));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_filters_the_trail_and_verify_reports_a_row_edited_in_the_database(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));

        var (response, page) = await admin.GetPageAsync("/admin/audit?entity=AppUser&action=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("#audit-table table.table-hover > tbody > tr");
        Assert.Equal(8, rows.Length); // one per demo user
        Assert.All(rows, r => Assert.Contains("AppUser", r.TextContent));
        Assert.Contains("***", page.QuerySelector("#audit-table")!.TextContent); // password hashes masked
        Assert.Contains("8", page.QuerySelector("[data-testid=table-total]")!.TextContent);

        var verified = await admin.SubmitAsync(page, "form[data-testid=verify-form]", new Dictionary<string, string>(), "/admin/audit");
        Assert.True(WebSession.IsRedirectTo(verified, "/admin/audit"), $"{(int)verified.StatusCode} {verified.Headers.Location}");
        var (_, after) = await admin.GetPageAsync(verified.Headers.Location!.OriginalString);
        Assert.Contains("Chuỗi nhật ký toàn vẹn", after.QuerySelector("[data-testid=toast]")!.TextContent);

        long target;
        await using (var db = app.Database.NewContext())
        {
            target = await db.Set<AuditEntry>().Where(e => e.Entity == "AppUser").OrderBy(e => e.Id).Select(e => e.Id).Skip(5).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET changes = '{{}}' WHERE id = {target}");
        }
        var broken = await admin.SubmitAsync(after, "form[data-testid=verify-form]", new Dictionary<string, string>(), "/admin/audit");
        Assert.True(WebSession.IsRedirectTo(broken, $"/admin/audit?upto={target}"), $"{(int)broken.StatusCode} {broken.Headers.Location}");
        var (_, report) = await admin.GetPageAsync(broken.Headers.Location!.OriginalString);
        Assert.Contains($"bị phá vỡ tại dòng #{target}", report.QuerySelector("[data-testid=toast]")!.TextContent);
        Assert.Equal(target.ToString(), report.QuerySelector("#audit-table td.table-danger")!.GetAttribute("data-audit-id"));
    }
}
