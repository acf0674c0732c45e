using Hospital.Domain.Common;
using Hospital.Domain.Outbox;
using Hospital.Web.Features.Audit;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.Outbox;

/// <summary>
/// The row actions of the outbox screen. Plain form posts (antiforgery checked because they bind
/// form data), answered with a redirect back to the list and a flash message.
/// </summary>
public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/admin/outbox").RequireAuthorization(HospitalModule.Administration);
        group.MapPost("/{id:long}/retry", (long id, [FromForm] string? returnUrl, OutboxAdministration admin,
                IStringLocalizer<SharedResource> L, HttpContext ctx) =>
            Act(ctx, returnUrl, () => admin.RetryAsync(id, UserOf(ctx), ctx.RequestAborted), L["Đã đưa tin nhắn #{0} vào hàng đợi gửi lại.", id]));
        group.MapPost("/{id:long}/cancel", (long id, [FromForm] string? returnUrl, OutboxAdministration admin,
                IStringLocalizer<SharedResource> L, HttpContext ctx) =>
            Act(ctx, returnUrl, () => admin.CancelAsync(id, UserOf(ctx), ctx.RequestAborted), L["Đã hủy tin nhắn #{0}.", id]));
    }

    private static string UserOf(HttpContext ctx) => ctx.User.Identity?.Name ?? HttpAuditUser.Anonymous;

    private static async Task<IResult> Act(HttpContext ctx, string? returnUrl, Func<Task> action, string done)
    {
        try
        {
            await action();
            FlashMessage.Set(ctx, FlashKind.Success, done);
        }
        catch (DomainException ex)
        {
            FlashMessage.Set(ctx, FlashKind.Danger, ex.Message);
        }
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Back to the list the admin was looking at (its filters and page), never elsewhere.</summary>
    private static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/admin/outbox", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/admin/outbox";
}
