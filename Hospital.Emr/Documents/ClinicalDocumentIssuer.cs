using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Emr.Documents.Rendering;
using Hospital.Emr.Documents.Signing;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents;

/// <summary>
/// Renders, signs with the current user's own certificate and adds the next version of a clinical
/// document (TT 13/2025: each record is signed by the clinician responsible; a correction is a new
/// version with its reason, the earlier one kept). Everything that can be refused (no certificate,
/// expired, wrong password, missing reason) is checked before anything is added to the context.
/// The audit row is written by the save itself: adding a <see cref="ISignedRecord"/> is recorded as
/// <see cref="AuditAction.Sign"/> in the same transaction, so a signature never exists without it.
/// </summary>
public sealed class ClinicalDocumentIssuer(IAuditUser user, TimeProvider clock, IDocumentSigner pdfSigner) : IClinicalDocumentIssuer
{
    public async Task<ClinicalDocument> AddSignedAsync(HospitalDbContext db, DocumentToSign document, string signingPassword, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var signer = await SignerFor(db, now, signingPassword, ct);
        var version = await NextVersionAsync(db, document, ct);
        var reason = document.CorrectionReason?.Trim();
        if (version.Number >= 2 && string.IsNullOrEmpty(reason))
            throw new DomainException("Phiên bản mới của tài liệu đã ký phải ghi lý do sửa đổi.");

        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Chưa khai báo thông tin cơ sở KCB (Quản trị → Cơ sở) nên chưa in được tài liệu.");
        var rendered = await RenderAsync(db, document, facility, signer, version.Number, reason, now, ct);

        var title = $"{rendered.Title} – phiên bản {version.Number}";
        var bytes = await pdfSigner.SignAsync(rendered.Pdf, signer.Cms,
            new SignatureDetails(signer.Name, signer.Title, title, facility.Name, now, rendered.Box), ct);

        var entity = new ClinicalDocument
        {
            VisitId = document.VisitId,
            PatientId = rendered.PatientId,
            Kind = document.Kind,
            SourceId = document.SourceId,
            Version = version.Number,
            PreviousVersionId = version.PreviousId,
            CorrectionReason = version.Number >= 2 ? reason : null,
            Title = title.Length <= 300 ? title : title[..300],
            Content = bytes,
            ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            SignedByUserId = user.UserId!,
            SignedByName = signer.Name,
            CertificateSubject = signer.Cms.Certificate.Subject,
            CertificateThumbprint = signer.Cms.Certificate.Thumbprint,
            SignedAt = now,
        };
        db.Set<ClinicalDocument>().Add(entity);
        return entity;
    }

    private sealed record Signer(ICmsSigner Cms, string Name, string? Title);

    private async Task<Signer> SignerFor(HospitalDbContext db, DateTime now, string password, CancellationToken ct)
    {
        var userId = user.UserId ?? throw new DomainException("Chỉ người dùng đã đăng nhập mới ký được tài liệu.");
        var certificates = await db.Set<ClinicianCertificate>().AsNoTracking()
            .Where(c => c.UserId == userId && c.RevokedAt == null).ToListAsync(ct);
        if (certificates.Count == 0)
            throw new DomainException("Bạn chưa có chứng thư số để ký. Đề nghị quản trị hệ thống cấp chứng thư (Quản trị → Chứng thư ký số).");
        var usable = certificates.Where(c => c.IsUsableAt(now)).OrderByDescending(c => c.NotAfter).FirstOrDefault();
        if (usable is null)
        {
            var last = certificates.MaxBy(c => c.NotAfter)!;
            throw new DomainException(last.NotBefore > now
                ? $"Chứng thư số của bạn chưa có hiệu lực (từ {DocumentHeader.Time(last.NotBefore)})."
                : $"Chứng thư số của bạn đã hết hạn ngày {DocumentHeader.Time(last.NotAfter)}. Đề nghị quản trị cấp chứng thư mới.");
        }
        var cms = Open(usable, password);
        var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.StaffId }).FirstAsync(ct);
        var staff = profile.StaffId is { } staffId
            ? await db.Set<Staff>().AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Title, s.PracticeCertificateNo }).FirstOrDefaultAsync(ct)
            : null;
        var title = string.Join(" – ", new[] { staff?.Title, staff?.PracticeCertificateNo is { Length: > 0 } no ? "CCHN " + no : null }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        return new Signer(cms, profile.FullName, title.Length > 0 ? title : null);
    }

    private static ICmsSigner Open(ClinicianCertificate certificate, string password)
    {
        if (certificate.Source == CertificateSource.Store)
        {
            var location = Enum.TryParse<StoreLocation>(certificate.StoreLocation, out var l) ? l : StoreLocation.CurrentUser;
            return SigningCertificates.FromStore(certificate.Thumbprint, location);
        }
        if (string.IsNullOrEmpty(password))
            throw new DomainException("Nhập mật khẩu chứng thư số để ký.");
        var signer = SigningCertificates.FromPkcs12(certificate.EncryptedPkcs12 ?? [], password);
        if (!string.Equals(signer.Certificate.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("Tệp chứng thư số đã lưu không khớp với chứng thư đã đăng ký; đề nghị quản trị kiểm tra lại.");
        return signer;
    }

    private static async Task<(int Number, long? PreviousId)> NextVersionAsync(HospitalDbContext db, DocumentToSign document, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<ClinicalDocument>().Any(e => e.State == EntityState.Added
                && e.Entity.Kind == document.Kind && e.Entity.SourceId == document.SourceId))
            throw new DomainException("Tài liệu này đang được ký trong cùng thao tác; hãy lưu trước khi ký phiên bản mới.");
        var previous = await db.Set<ClinicalDocument>().AsNoTracking()
            .Where(d => d.Kind == document.Kind && d.SourceId == document.SourceId)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(ct);
        return previous is null ? (1, null) : (previous.Version + 1, previous.Id);
    }

    private sealed record Rendered(PdfDocument Pdf, XRect Box, string Title, int PatientId);

    private static async Task<Rendered> RenderAsync(HospitalDbContext db, DocumentToSign document, FacilitySettings facility,
        Signer signer, int version, string? reason, DateTime now, CancellationToken ct)
    {
        DocumentHeader Header(string number) => new(
            facility.ParentAuthority ?? "Sở Y tế", facility.Name, facility.FacilityCode, facility.Address,
            number, version, signer.Name, signer.Title, now, reason);

        switch (document.Kind)
        {
            case ClinicalDocumentKind.ExamRecord:
            {
                var source = await DocumentSources.ExamAsync(db, document, ct);
                var (pdf, box) = ExamRecordForm.Render(source, Header("PK-" + source.Visit.Code));
                return new Rendered(pdf, box, "Phiếu khám bệnh " + source.Visit.Code, source.Patient.Id);
            }
            case ClinicalDocumentKind.Referral:
            {
                var source = await DocumentSources.ExamAsync(db, document, ct);
                if (source.Exam.Disposition != ExamDisposition.ReferOut && string.IsNullOrWhiteSpace(source.Exam.ReferToFacilityName))
                    throw new DomainException("Lượt khám này không có chỉ định chuyển tuyến nên không lập giấy chuyển tuyến.");
                var (pdf, box) = ReferralFormPdf.Render(source, Header("CT-" + source.Visit.Code));
                return new Rendered(pdf, box, "Giấy chuyển tuyến " + source.Visit.Code, source.Patient.Id);
            }
            case ClinicalDocumentKind.Prescription:
            {
                var source = await DocumentSources.PrescriptionAsync(db, document, ct);
                var number = source.Prescription.NationalCode is { Length: > 0 } code
                    ? code
                    : "DT-" + source.Visit.Code + "-" + source.Prescription.Id.ToString(CultureInfo.InvariantCulture);
                var (pdf, box) = PrescriptionFormPdf.Render(source, Header(number));
                return new Rendered(pdf, box, "Đơn thuốc " + number, source.Patient.Id);
            }
            default:
                throw new DomainException("Loại tài liệu không được hỗ trợ.");
        }
    }
}
