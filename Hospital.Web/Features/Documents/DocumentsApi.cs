using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Documents;
using Hospital.Web.Api;
using Hospital.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Documents;

/// <summary>
/// Signed clinical documents for integrations (issue 4 "API contract"; keep the field names):
/// <c>GET /api/v1/documents?visitId=</c>, <c>GET /api/v1/documents/{id}/pdf</c> (the stored bytes,
/// audited as Print), <c>GET /api/v1/documents/signing-ca</c> (PEM of the CA our signatures chain to).
/// Clinic roles (cookie or API key); the CA certificate to anyone signed in.
/// </summary>
public static class DocumentsApi
{
    public sealed record DocumentItemDto(long Id, string Kind, int Version, string SignedBy, DateTime SignedAt, bool Valid);
    public sealed record DocumentListDto(IReadOnlyList<DocumentItemDto> Items);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("Tài liệu đã ký").DisableAntiforgery();

        api.MapGet("", ListAsync).RequireAuthorization(HospitalModule.Clinic)
            .WithSummary("Tài liệu đã ký của một lượt khám: {items: [{id, kind, version, signedBy, signedAt, valid}]}.")
            .WithDescription("kind: ExamRecord | Prescription | Referral. valid: băm SHA-256 khớp, chữ ký CMS đúng trên toàn tệp, chứng thư chuỗi về CA đã khai báo.")
            .Produces<DocumentListDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id:long}/pdf", PdfAsync).RequireAuthorization(HospitalModule.Clinic)
            .WithSummary("Tệp PDF đã ký đúng như đã lưu (application/pdf); mỗi lần tải được ghi nhật ký (Print).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/signing-ca", SigningCaAsync).RequireAuthorization()
            .WithSummary("Chứng thư (PEM) của các CA mà chữ ký trên tài liệu chuỗi về, để bên ngoài tự kiểm tra.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-pem-file")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, SignedDocuments documents, CancellationToken ct)
    {
        if (!int.TryParse(http.Request.Query["visitId"], out var visitId) || visitId <= 0)
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "Thiếu hoặc sai visitId (mã số lượt khám).",
                new Dictionary<string, string[]> { ["visitId"] = ["Nhập mã số lượt khám (số nguyên dương)."] });
        var rows = await documents.ForVisitAsync(visitId, ct);
        return Results.Ok(new DocumentListDto(rows.Select(r =>
            new DocumentItemDto(r.Id, r.Kind.ToString(), r.Version, r.SignedByName, r.SignedAt, r.IsValid)).ToList()));
    }

    private static async Task<IResult> PdfAsync(long id, SignedDocuments documents, AuditTrail audit, CancellationToken ct)
    {
        if (await documents.FindAsync(id, ct) is not { } document)
            return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không có tài liệu #{id}.");
        await audit.RecordEventAsync(AuditAction.Print, nameof(ClinicalDocument), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return Results.File(document.Content, "application/pdf", DocumentFiles.NameOf(document));
    }

    private static async Task<IResult> SigningCaAsync(HospitalDbContext db, CancellationToken ct)
    {
        var pems = await db.Set<SigningAuthority>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id)
            .Select(a => a.CertificatePem).ToListAsync(ct);
        return pems.Count == 0
            ? ApiProblems.Result(StatusCodes.Status404NotFound, "Chưa khai báo CA cho chữ ký số.")
            : Results.Text(string.Join("\n", pems.Select(p => p.Trim())) + "\n", "application/x-pem-file");
    }
}
