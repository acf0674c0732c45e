using Hospital.Domain.Common;
using Hospital.Web.Features.Audit;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// The board's buttons (InsuranceOfficer), plain form posts answered with a redirect and a flash
/// message: <c>POST /insurance/claims/{id}/send</c> ("Gửi cổng BHXH"), <c>POST /insurance/claims/{id}/rebuild</c>
/// ("Dựng lại hồ sơ") and <c>POST /insurance/claims/send-ready</c> ("Gửi tất cả hồ sơ hợp lệ" of the
/// filtered board, its filter in the form), plus <c>GET /insurance/claims/export</c>.
/// </summary>
public static class ClaimBoardEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/insurance/claims").RequireAuthorization(HospitalModule.Insurance).ExcludeFromDescription();
        group.MapGet("/export", ClaimExport.DownloadAsync);
        group.MapPost("/{id:long}/send", async (long id, ClaimSending sending, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
            await Act(ctx, $"/insurance/claims/{id}", async () =>
            {
                await sending.SendAsync(id, UserOf(ctx), ctx.RequestAborted);
                return L["Đã đưa hồ sơ vào hàng đợi gửi cổng BHXH."];
            })).WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/{id:long}/rebuild", async (long id, ClaimSending sending, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            var target = $"/insurance/claims/{id}";
            return await Act(ctx, () => target, async () =>
            {
                var claim = await sending.RebuildAsync(id, UserOf(ctx), ctx.RequestAborted);
                target = $"/insurance/claims/{claim.Id}";
                return string.Format(L["Đã dựng lại hồ sơ: phiên bản {0}."], claim.Version);
            });
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/send-ready", async ([FromForm] string? returnUrl, ClaimSending sending, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var filter = ClaimFilter.Read(new QueryCollection(form.ToDictionary(f => f.Key, f => f.Value)), out var error);
            var back = SafeReturnUrl(returnUrl);
            if (error is not null)
            {
                FlashMessage.Set(ctx, FlashKind.Danger, error);
                return Results.LocalRedirect(back);
            }
            return await Act(ctx, back, async () =>
            {
                var count = await sending.SendAllAsync(filter, UserOf(ctx), ctx.RequestAborted);
                return count == 0 ? L["Không có hồ sơ hợp lệ nào để gửi."] : string.Format(L["Đã đưa {0} hồ sơ vào hàng đợi gửi cổng BHXH."], count);
            });
        });
    }

    private static string UserOf(HttpContext ctx) => ctx.User.Identity?.Name ?? HttpAuditUser.Anonymous;

    private static Task<IResult> Act(HttpContext ctx, string target, Func<Task<string>> action) => FlashMessage.RedirectAfter(ctx, () => target, action);

    private static Task<IResult> Act(HttpContext ctx, Func<string> target, Func<Task<string>> action) => FlashMessage.RedirectAfter(ctx, target, action);

    /// <summary>Back to the board with the filters the officer was looking at, never elsewhere.</summary>
    private static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/insurance/claims", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/insurance/claims";
}
