using System.Globalization;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;
using Hospital.Web.Features.Audit;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// The prescription page's buttons (pharmacists), plain form posts answered with a redirect back
/// and a flash message: <c>POST /pharmacy/dispensing/{id}/dispense</c> ("Cấp phát"),
/// <c>POST /pharmacy/dispensing/{id}/close</c> ("Kết thúc cấp phát") and
/// <c>POST /pharmacy/dispensations/{id}/return</c> ("Trả lại" of one lot of one line).
/// </summary>
public static class DispensingEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/pharmacy").RequireAuthorization(HospitalModule.Pharmacy).ExcludeFromDescription();
        group.MapPost("/dispensing/{id:int}/dispense", async (int id, PrescriptionDispensing dispensing, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var store = form["store"].ToString();
            var outcome = await dispensing.DispenseAsync(id, new DispenseRequest(store, form["allowPartial"] == "true",
                form["receiverName"], form["receiverIdNumber"], form["note"]), UserOf(ctx), ctx.RequestAborted);
            if (outcome.Kind == DispenseOutcomeKind.Dispensed)
            {
                var text = string.Format(L["Đã cấp phát phiếu {0}."], outcome.Number);
                if (outcome.Pending.Count > 0)
                    text += " " + string.Format(L["Còn chờ cấp: {0}."], string.Join(", ", outcome.Pending.Select(p => $"{p.DrugName} {PrescriptionDispensing.Qty(p.Quantity)} {p.Unit}")));
                FlashMessage.Set(ctx, outcome.Pending.Count > 0 ? FlashKind.Warning : FlashKind.Success, text);
            }
            else FlashMessage.Set(ctx, FlashKind.Danger, outcome.Error ?? "");
            return Results.LocalRedirect($"/pharmacy/dispensing/{id}?store={Uri.EscapeDataString(store)}");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        group.MapPost("/dispensing/{id:int}/close", async (int id, DispensingCorrections corrections, IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            return await FlashMessage.RedirectAfter(ctx, () => $"/pharmacy/dispensing/{id}", async () =>
            {
                await corrections.CloseRestAsync(id, form["reason"], UserOf(ctx), ctx.RequestAborted);
                return L["Đã kết thúc cấp phát đơn thuốc: phần còn lại không cấp nữa."];
            });
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        group.MapPost("/dispensations/{id:int}/return", async (int id, DispensingCorrections corrections, HospitalDbContext db,
            IStringLocalizer<SharedResource> L, HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            var prescription = await db.Set<Dispensation>().Where(d => d.Id == id).Select(d => (int?)d.PrescriptionId).FirstOrDefaultAsync(ctx.RequestAborted);
            var target = prescription is { } p ? $"/pharmacy/dispensing/{p}" : "/pharmacy/dispensing";
            return await FlashMessage.RedirectAfter(ctx, () => target, async () =>
            {
                if (!decimal.TryParse(form["quantity"], NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
                    throw new DomainException(L["Nhập số lượng trả lại."]);
                var back = await corrections.ReturnAsync(new DispenseReturnRequest(id,
                    int.TryParse(form["lineId"], out var line) ? line : 0, int.TryParse(form["lotId"], out var lot) ? lot : 0, quantity, form["reason"]),
                    UserOf(ctx), ctx.RequestAborted);
                return string.Format(L["Đã nhận lại {0} (lô {1}) vào kho."], PrescriptionDispensing.Qty(back.Quantity), back.LotNumber);
            });
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static string UserOf(HttpContext ctx) => ctx.User.Identity?.Name ?? HttpAuditUser.Anonymous;

}
