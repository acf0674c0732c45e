using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Orders;
using Hospital.Web.Features.Workspaces;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Orders;

/// <summary>
/// The orders panel's own htmx endpoints, so it works on whichever page embeds it:
/// <c>GET /clinic/visits/{visitId}/orders</c> (the panel), <c>GET …/orders/search?q=</c> (services
/// matching the text), <c>POST …/orders</c> (form: serviceId*, orderSetId, orderAgain, note, stat)
/// and <c>POST …/orders/{id}/cancel</c> (form: reason). Posts answer with the re-rendered panel.
/// </summary>
public static class OrderEndpoints
{
    public const int SearchLimit = 15;

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/clinic/visits/{visitId:int}/orders").RequireAuthorization(HospitalModule.Clinic).ExcludeFromDescription();
        group.MapGet("", (int visitId) => Panel(visitId, null));
        group.MapGet("/search", SearchAsync);
        // The form is read by hand (repeated serviceId), so antiforgery is asked for explicitly;
        // htmx sends the page's token (site.js) and the panel's forms carry their own.
        group.MapPost("", OrderAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/{id:long}/cancel", CancelAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static RazorComponentResult<OrdersPanel> Panel(int visitId, OrderPanelNotice? notice) =>
        new(new Dictionary<string, object?> { [nameof(OrdersPanel.VisitId)] = visitId, [nameof(OrdersPanel.Notice)] = notice });

    private static async Task<RazorComponentResult<OrderSearchResults>> SearchAsync(int visitId, string? q, HospitalDbContext db, CancellationToken ct)
    {
        var services = CatalogSearch.Words(q).Length == 0 ? [] : await db.Set<MedicalService>().AsNoTracking()
            .Where(s => s.IsActive && s.CostGroup != BhytCostGroup.Exam && s.CostGroup != BhytCostGroup.DayBed
                        && s.CostGroup != BhytCostGroup.InpatientBed && s.CostGroup != BhytCostGroup.HoldingBed)
            .Matching(q).OrderBy(s => s.Name).Take(SearchLimit).ToListAsync(ct);
        return new(new Dictionary<string, object?> { [nameof(OrderSearchResults.Services)] = services });
    }

    private static async Task<RazorComponentResult<OrdersPanel>> OrderAsync(int visitId, HttpRequest request, ServiceOrdering ordering,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var serviceIds = form["serviceId"].Select(v => int.TryParse(v, out var id) ? id : 0).ToList();
        int? setId = int.TryParse(form["orderSetId"], out var s) ? s : null;
        if (serviceIds.Count == 0 && setId is null)
            return Panel(visitId, new OrderPanelNotice(Error: L["Chọn dịch vụ hoặc bộ chỉ định."]));
        var result = await ordering.OrderAsync(new OrderRequest(visitId, serviceIds, setId,
            OrderAgain: form["orderAgain"] == "true",
            Priority: form["stat"] == "true" ? OrderPriority.Stat : OrderPriority.Routine,
            ClinicalNote: form["note"]), ct);
        if (result.NeedsConfirmation)
            return Panel(visitId, new OrderPanelNotice(Duplicates: result.Duplicates, ServiceIds: serviceIds, OrderSetId: setId));
        if (!result.Ok) return Panel(visitId, new OrderPanelNotice(Error: string.Join(" ", result.Errors)));
        return Panel(visitId, new OrderPanelNotice(Success: string.Format(L["Đã chỉ định {0} dịch vụ, phiếu {1}."], result.OrderIds.Count, result.RequestNumber)));
    }

    private static async Task<RazorComponentResult<OrdersPanel>> CancelAsync(int visitId, long id, HttpRequest request, OrderCancellation cancellation,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var error = await cancellation.CancelAsync(visitId, id, form["reason"], ct);
        return Panel(visitId, error is null ? new OrderPanelNotice(Success: L["Đã hủy chỉ định."]) : new OrderPanelNotice(Error: error));
    }
}
