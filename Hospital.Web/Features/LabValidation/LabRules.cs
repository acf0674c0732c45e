using System.Globalization;
using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.LabValidation;

/// <summary>A test with its auto-verification rule (defaults when it has none), as the admin page lists it.</summary>
public sealed record LabRuleRowModel(int LabTestId, string Code, string Name, string? Section, string? Unit, bool AutoVerify,
    decimal? DeltaLimitPercent, int DeltaWindowDays, string? UpdatedBy, DateTime? UpdatedAt, string? TypedLimit = null, string? TypedWindow = null)
{
    public string DeltaLimitText => TypedLimit ?? DeltaLimitPercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    public string WindowText => TypedWindow ?? DeltaWindowDays.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Auto-verification rules per test (Admin, issue 5 item 11): <c>/admin/lab-rules</c> lists the
/// active tests; <c>POST /admin/lab-rules/{id}</c> (id of the lab test) (form: autoVerify, deltaLimit,
/// windowDays) validates and saves one test's rule, answering with its row.
/// </summary>
public static class LabRules
{
    public static async Task<List<LabRuleRowModel>> ListAsync(HospitalDbContext db, int? only, CancellationToken ct) =>
        await db.Set<LabTest>().AsNoTracking().Where(t => t.IsActive && (only == null || t.Id == only))
            .OrderBy(t => t.Section).ThenBy(t => t.Position).ThenBy(t => t.Code)
            .Select(t => new { t.Id, t.Code, t.Name, t.Section, t.Unit, Rule = db.Set<AutoVerificationRule>().FirstOrDefault(r => r.LabTestId == t.Id) })
            .Select(x => new LabRuleRowModel(x.Id, x.Code, x.Name, x.Section, x.Unit, x.Rule != null && x.Rule.AutoVerify,
                x.Rule == null ? null : x.Rule.DeltaLimitPercent, x.Rule == null ? 30 : x.Rule.DeltaWindowDays,
                x.Rule == null ? null : x.Rule.UpdatedBy, x.Rule == null ? null : x.Rule.UpdatedAt, null, null))
            .ToListAsync(ct);

    public static void Map(WebApplication app) =>
        app.MapPost("/admin/lab-rules/{id:int}", SaveAsync)
            .RequireAuthorization(HospitalModule.Administration)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    private static async Task<IResult> SaveAsync(int id, HttpRequest request, HospitalDbContext db, IAuditUser user, TimeProvider clock, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var row = (await ListAsync(db, id, ct)).FirstOrDefault();
        if (row is null) return Results.NotFound();
        var (values, errors) = LabRuleInput.Read(form["autoVerify"], form["deltaLimit"], form["windowDays"]);
        if (values is null)
            return Row(row with { AutoVerify = form["autoVerify"] == "on", TypedLimit = form["deltaLimit"], TypedWindow = form["windowDays"] }, errors, false);

        var rule = await db.Set<AutoVerificationRule>().FirstOrDefaultAsync(r => r.LabTestId == id, ct);
        if (rule is null) db.Add(rule = new AutoVerificationRule { LabTestId = id });
        rule.AutoVerify = values.AutoVerify;
        rule.DeltaLimitPercent = values.DeltaLimitPercent;
        rule.DeltaWindowDays = values.DeltaWindowDays;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        rule.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return Row((await ListAsync(db, id, ct)).Single(), errors, true);
    }

    private static RazorComponentResult<LabRuleRow> Row(LabRuleRowModel row, Dictionary<string, string> errors, bool saved) =>
        new(new Dictionary<string, object?>
        {
            [nameof(LabRuleRow.Row)] = row,
            [nameof(LabRuleRow.Errors)] = errors,
            [nameof(LabRuleRow.Saved)] = saved,
        });
}
