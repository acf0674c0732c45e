using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Emr.Prescriptions;
using Hospital.Web.Features.Audit;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Prescriptions;

/// <summary>
/// htmx endpoints of <see cref="PrescriptionPanel"/>, under /clinic/visits/{visitId}/prescriptions.
/// GETs (doctors and nurses) render the panel, the drug search results, the entry row with a chosen
/// drug and the computed quantity. POSTs (doctors only; antiforgery via the form binding) write the
/// draft and answer with the whole panel, its errors included, so the screen always shows what is stored.
/// </summary>
public static class PrescriptionEndpoints
{
    /// <summary>Escapes markup only; Vietnamese letters stay readable (the default encoder turns them into entities).</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/clinic/visits/{visitId:int}/prescriptions").RequireAuthorization(HospitalModule.Clinic).ExcludeFromDescription();
        group.MapGet("", (int visitId) => Panel(visitId));
        group.MapGet("/drugs", (int visitId, string? q) => new RazorComponentResult<PrescriptionDrugResults>(new Dictionary<string, object?>
        {
            [nameof(PrescriptionDrugResults.VisitId)] = visitId,
            [nameof(PrescriptionDrugResults.Query)] = q,
        }));
        group.MapGet("/entry", (int visitId, int? drugId) => new RazorComponentResult<PrescriptionEntry>(new Dictionary<string, object?>
        {
            [nameof(PrescriptionEntry.VisitId)] = visitId,
            [nameof(PrescriptionEntry.DrugId)] = drugId,
        }));
        group.MapGet("/quantity", QuantityAsync);

        var doctor = new AuthorizeAttribute { Roles = Roles.Doctor };
        group.MapPost("/lines", async (int visitId, IFormCollection form, PrescriptionWriting writing, HttpContext ctx) =>
        {
            var input = PrescriptionForms.Line(f => form[f]);
            var result = await writing.AddLineAsync(visitId, input, Header(form), UserOf(ctx), ctx.RequestAborted);
            return Panel(visitId, result, result.Ok ? null : input);
        }).RequireAuthorization(doctor);
        group.MapPost("/lines/change", async (int visitId, IFormCollection form, PrescriptionWriting writing, HttpContext ctx) =>
        {
            var input = PrescriptionForms.Line(f => form[f]);
            var result = await writing.ChangeLineAsync(visitId, PrescriptionForms.Int(form[PrescriptionForms.LineId]) ?? 0, input, null, UserOf(ctx), ctx.RequestAborted);
            return Panel(visitId, result);
        }).RequireAuthorization(doctor);
        group.MapPost("/lines/remove", async (int visitId, IFormCollection form, PrescriptionWriting writing, HttpContext ctx) =>
            Panel(visitId, await writing.RemoveLineAsync(visitId, PrescriptionForms.Int(form[PrescriptionForms.LineId]) ?? 0, UserOf(ctx), ctx.RequestAborted)))
            .RequireAuthorization(doctor);
        group.MapPost("/header", async (int visitId, IFormCollection form, PrescriptionWriting writing, HttpContext ctx) =>
            Panel(visitId, await writing.SaveHeaderAsync(visitId, Header(form)!, ctx.RequestAborted)))
            .RequireAuthorization(doctor);
        group.MapPost("/correct", async (int visitId, IFormCollection form, PrescriptionCorrection correction, HospitalDbContext db, HttpContext ctx) =>
        {
            var id = PrescriptionForms.Int(form[PrescriptionForms.PrescriptionId]) ?? 0;
            // Only a prescription of this visit: the URL names the visit the doctor has open.
            if (!await db.Set<Prescription>().AnyAsync(p => p.Id == id && p.VisitId == visitId, ctx.RequestAborted))
                return Panel(visitId, PrescriptionWriteResult.Refused("Không tìm thấy đơn thuốc trong lượt khám này."));
            var result = await correction.CorrectAsync(id, form[PrescriptionForms.Reason], UserOf(ctx), ctx.RequestAborted);
            return Panel(visitId, result.Error is null ? null : PrescriptionWriteResult.Refused(result.Error));
        }).RequireAuthorization(doctor);
    }

    private static PrescriptionHeaderInput? Header(IFormCollection form) =>
        PrescriptionForms.Header(f => form[f], form.ContainsKey(PrescriptionForms.Advice));

    private static string UserOf(HttpContext ctx) => ctx.User.Identity?.Name ?? HttpAuditUser.Anonymous;

    private static RazorComponentResult<PrescriptionPanel> Panel(int visitId, PrescriptionWriteResult? result = null, PrescriptionLineInput? keep = null) =>
        new(new Dictionary<string, object?>
        {
            [nameof(PrescriptionPanel.VisitId)] = visitId,
            [nameof(PrescriptionPanel.Result)] = result,
            [nameof(PrescriptionPanel.Posted)] = keep,
        });

    /// <summary>The quantity the pharmacy will issue for the typed dose, as plain text for the entry row.</summary>
    private static async Task<IResult> QuantityAsync(int visitId, int? drugId, string? dose, string? timesPerDay, string? days, string? containers,
        HospitalDbContext db, CancellationToken ct)
    {
        var unit = drugId is null ? null
            : await db.Set<Domain.Catalog.Drug>().AsNoTracking().Where(d => d.Id == drugId).Select(d => d.Unit).FirstOrDefaultAsync(ct);
        if (unit is null) return Results.Content("", "text/html", System.Text.Encoding.UTF8);
        var (quantity, error) = PrescriptionQuantity.Compute(unit, PrescriptionForms.Decimal(dose) ?? 0, PrescriptionForms.Int(timesPerDay) ?? 0,
            PrescriptionForms.Int(days) ?? 0, PrescriptionForms.Decimal(containers));
        var text = quantity is { } q ? $"{PrescriptionForms.Show(q)} {unit.ToLowerInvariant()}" : error ?? "";
        return Results.Content(Html.Encode(text), "text/html", System.Text.Encoding.UTF8);
    }
}
