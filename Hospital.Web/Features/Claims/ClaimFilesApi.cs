using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Web.Api;
using Hospital.Web.Features.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Claims;

/// <summary>
/// The claim files for finance staff and outside tools (issue 6 "API contract"):
/// <c>GET /api/v1/claims/{id}/xml</c> is the signed GIAMDINHHS file exactly as stored and sent, and
/// <c>GET /api/v1/claims/signing-certificate</c> the facility certificate (PEM) that verifies it,
/// e.g. <c>xmlsec1 --verify --pubkey-cert-pem cert.pem file.xml</c>.
/// </summary>
public static class ClaimFilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/claims/{id:long}/xml", async (long id, HospitalDbContext db, CancellationToken ct) =>
            {
                var claim = await db.Set<Claim>().AsNoTracking().Where(c => c.Id == id)
                    .Select(c => new { c.MaLk, c.Version, c.Status, c.SignedXml }).FirstOrDefaultAsync(ct);
                if (claim is null) return ApiProblems.Result(StatusCodes.Status404NotFound, $"Không có hồ sơ {id}.");
                if (claim.SignedXml is null)
                    return ApiProblems.Result(StatusCodes.Status409Conflict, $"Hồ sơ {claim.MaLk} (phiên bản {claim.Version}) chưa hợp lệ nên chưa có tệp ký số: sửa các lỗi rồi dựng lại.");
                return Results.File(claim.SignedXml, "application/xml", $"{claim.MaLk}_v{claim.Version}.xml");
            })
            .WithSummary("Tệp hồ sơ GIAMDINHHS đã ký số (CHUKYDONVI), đúng như lưu và gửi cổng BHXH.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/claims/signing-certificate", (FacilitySigning signing) =>
                Results.Text(signing.Signer.Certificate.ExportCertificatePem() + "\n", "application/x-pem-file", Encoding.ASCII))
            .WithSummary("Chứng thư số của cơ sở (PEM) dùng để kiểm tra chữ ký của hồ sơ XML.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-pem-file");
    }
}
