using Hospital.Domain.Common;
using Hospital.Web.Features.Audit;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.EPrescriptions;

/// <summary>The board's button (Pharmacist): <c>POST /pharmacy/e-prescriptions/{id}/resend</c> ("Gửi lại"), answered with a redirect and a flash message.</summary>
internal static class EPrescriptionBoardEndpoints
{
    public static void MapEPrescriptionBoardEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/pharmacy/e-prescriptions").RequireAuthorization(HospitalModule.Pharmacy).ExcludeFromDescription();
        group.MapPost("/{id:int}/resend", async (int id, [FromForm] string? returnUrl, EPrescriptionResend resend, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            try
            {
                var code = await resend.ResendAsync(id, ctx.User.Identity?.Name ?? HttpAuditUser.Anonymous, ctx.RequestAborted);
                FlashMessage.Set(ctx, FlashKind.Success, string.Format(L["Đã đưa đơn {0} vào hàng đợi gửi hệ thống đơn thuốc quốc gia."], code));
            }
            catch (DomainException ex)
            {
                FlashMessage.Set(ctx, FlashKind.Danger, ex.Message);
            }
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });
    }

    /// <summary>Back to the board with its filters, never elsewhere.</summary>
    private static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith("/pharmacy/e-prescriptions", StringComparison.Ordinal) && !url.Contains('\\') ? url : "/pharmacy/e-prescriptions";
}
