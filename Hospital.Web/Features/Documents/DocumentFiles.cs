using System.Globalization;
using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Emr.Documents;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Documents;

/// <summary>The clinician's view of a signed PDF in the browser (inline), each opening audited as Print (NĐ 137/2024 Đ5).</summary>
public static class DocumentFiles
{
    public static string NameOf(ClinicalDocument d) =>
        $"{d.Kind switch { ClinicalDocumentKind.ExamRecord => "phieu-kham", ClinicalDocumentKind.Prescription => "don-thuoc", _ => "giay-chuyen-tuyen" }}-{d.VisitId}-v{d.Version.ToString(CultureInfo.InvariantCulture)}.pdf";

    public static void Map(WebApplication app)
    {
        // The panel alone, for htmx to refresh it after a signature (the exam page embeds it).
        app.MapGet("/clinic/visits/{visitId:int}/documents", (int visitId) =>
                new Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<VisitDocumentsPanel>(
                    new Dictionary<string, object?> { [nameof(VisitDocumentsPanel.VisitId)] = visitId }))
            .RequireAuthorization(HospitalModule.Clinic)
            .ExcludeFromDescription();

        app.MapGet("/clinic/documents/{id:long}/pdf", async (long id, SignedDocuments documents, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            {
                if (await documents.FindAsync(id, ct) is not { } document) return Results.NotFound();
                await audit.RecordEventAsync(AuditAction.Print, nameof(ClinicalDocument), id.ToString(CultureInfo.InvariantCulture), ct);
                http.Response.Headers.ContentDisposition = $"inline; filename=\"{NameOf(document)}\"";
                return Results.Bytes(document.Content, "application/pdf");
            })
            .RequireAuthorization(HospitalModule.Clinic)
            .ExcludeFromDescription();
    }
}
