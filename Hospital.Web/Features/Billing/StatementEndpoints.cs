using Hospital.Domain.Visits;
using Hospital.Domain.Data;
using Hospital.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// The statement's non-page routes: its PDF, the void of a line (a plain form post with antiforgery,
/// answered with a redirect back and a flash message), and finding a visit's statement by code.
/// </summary>
public static class StatementEndpoints
{
    public static void Map(WebApplication app)
    {
        var billing = app.MapGroup("/billing/visits").RequireAuthorization(BillingFeature.ViewPolicy);

        billing.MapGet("/{id:int}/statement.pdf", async (int id, VisitStatements statements, CancellationToken ct) =>
            await statements.ForVisitAsync(id, ct) is { } s
                ? Results.File(StatementPdf.Render(s), "application/pdf", $"bang-ke-{s.Coverage.Visit.Code}.pdf")
                : Results.NotFound());

        billing.MapPost("/{id:int}/charges/{chargeId:long}/void", async (int id, long chargeId, [FromForm] string? reason,
                ChargeVoiding voiding, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
            {
                var error = await voiding.VoidAsync(id, chargeId, reason, ctx.RequestAborted);
                if (error is null) FlashMessage.Set(ctx, FlashKind.Success, L["Đã hủy dòng chi phí."]);
                else FlashMessage.Set(ctx, FlashKind.Danger, error);
                return Results.LocalRedirect($"/billing/visits/{id}");
            })
            .RequireAuthorization(BillingFeature.VoidPolicy);

        // The insurance workspace and the cashier type a visit code (the ticket's barcode) or MA_LK.
        billing.MapGet("/find", async ([FromQuery] string? code, HospitalDbContext db, IStringLocalizer<SharedResource> L, HttpContext ctx, CancellationToken ct) =>
        {
            var wanted = code?.Trim() ?? "";
            var id = wanted.Length == 0 ? null : await db.Set<Visit>().AsNoTracking()
                .Where(v => v.Code == wanted || v.MaLk == wanted).OrderByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
            if (id is { } found) return Results.LocalRedirect($"/billing/visits/{found}");
            FlashMessage.Set(ctx, FlashKind.Danger, wanted.Length == 0 ? L["Nhập mã lượt khám hoặc MA_LK."] : L["Không tìm thấy lượt khám có mã {0}.", wanted]);
            return Results.LocalRedirect(SafeReturn(ctx.Request.Headers.Referer.ToString()));
        });
    }

    /// <summary>Back to the local page the lookup came from, else the insurance workspace.</summary>
    private static string SafeReturn(string referer) =>
        Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith('/') && !uri.AbsolutePath.StartsWith("//")
            ? uri.PathAndQuery : "/insurance";
}
