using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Lis.Specimens;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hospital.Web.Features.Lab;

/// <summary>
/// The lab's own pages' endpoints: <c>GET /lab/specimens/{barcode}/label.pdf</c> and
/// <c>GET /lab/orders/{orderId}/labels.pdf</c> (50 × 25 mm labels), and <c>POST /lab/specimens/receive</c>
/// (form: barcode), the scan box's htmx post, answering with what was received or why not.
/// </summary>
public static class SpecimenEndpoints
{
    public static void Map(WebApplication app)
    {
        var lab = app.MapGroup("/lab").RequireAuthorization(HospitalModule.Lab).ExcludeFromDescription();
        lab.MapGet("/specimens/{barcode}/label.pdf", async (string barcode, HospitalDbContext db, CancellationToken ct) =>
        {
            var labels = await SpecimenLabels.OfSpecimenAsync(db, barcode, ct);
            return labels.Count == 0 ? Results.NotFound() : Results.File(SpecimenLabelPdf.Render(labels), "application/pdf", $"nhan-{barcode}.pdf");
        });
        lab.MapGet("/orders/{orderId:long}/labels.pdf", async (long orderId, HospitalDbContext db, CancellationToken ct) =>
        {
            var labels = await SpecimenLabels.OfOrderAsync(db, orderId, ct);
            return labels.Count == 0 ? Results.NotFound() : Results.File(SpecimenLabelPdf.Render(labels), "application/pdf", $"nhan-phieu-{orderId}.pdf");
        });
        lab.MapPost("/specimens/receive", ReceiveAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static async Task<RazorComponentResult<SpecimenScanResult>> ReceiveAsync(HttpRequest request, SpecimenReceipt receipt, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var barcode = form["barcode"].ToString();
        try
        {
            var result = await receipt.ReceiveAsync(barcode, ct);
            return new(new Dictionary<string, object?> { [nameof(SpecimenScanResult.Result)] = result });
        }
        catch (DomainException e)
        {
            return new(new Dictionary<string, object?> { [nameof(SpecimenScanResult.Error)] = e.Message });
        }
    }
}
