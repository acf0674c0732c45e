using System.Security.Cryptography.X509Certificates;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Documents.Verification;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Documents;

/// <summary>One signed document as lists show it, with the verdict of checking its stored bytes now.</summary>
public sealed record SignedDocumentRow(
    long Id, int VisitId, ClinicalDocumentKind Kind, long SourceId, int Version, long? PreviousVersionId, string? CorrectionReason,
    string Title, string SignedByName, string CertificateSubject, DateTime SignedAt, DocumentVerdict Verdict)
{
    public bool IsValid => Verdict.IsValid;
}

/// <summary>
/// Reads signed documents and checks each one as it is listed (hash, CMS over the byte ranges,
/// chain to a known <see cref="SigningAuthority"/>): a document changed in the database behind the
/// application shows as invalid wherever it is listed.
/// </summary>
public sealed class SignedDocuments(HospitalDbContext db)
{
    public async Task<IReadOnlyList<X509Certificate2>> AuthoritiesAsync(CancellationToken ct = default)
    {
        var pems = await db.Set<SigningAuthority>().AsNoTracking().Where(a => a.IsActive).Select(a => a.CertificatePem).ToListAsync(ct);
        var list = new List<X509Certificate2>();
        foreach (var pem in pems)
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(pem);
            list.AddRange(certificates);
        }
        return list;
    }

    public async Task<IReadOnlyList<SignedDocumentRow>> ForVisitAsync(int visitId, CancellationToken ct = default)
    {
        var documents = await db.Set<ClinicalDocument>().AsNoTracking().Where(d => d.VisitId == visitId)
            .OrderBy(d => d.Kind).ThenBy(d => d.SourceId).ThenBy(d => d.Version).ToListAsync(ct);
        return await RowsAsync(documents, ct);
    }

    public async Task<IReadOnlyList<SignedDocumentRow>> ForPatientAsync(int patientId, CancellationToken ct = default)
    {
        var documents = await db.Set<ClinicalDocument>().AsNoTracking().Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.SignedAt).ToListAsync(ct);
        return await RowsAsync(documents, ct);
    }

    public Task<ClinicalDocument?> FindAsync(long id, CancellationToken ct = default) =>
        db.Set<ClinicalDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<DocumentVerdict> VerifyAsync(ClinicalDocument document, CancellationToken ct = default) =>
        DocumentVerification.Verify(document.Content, document.ContentSha256, await AuthoritiesAsync(ct));

    private async Task<IReadOnlyList<SignedDocumentRow>> RowsAsync(List<ClinicalDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0) return [];
        var authorities = await AuthoritiesAsync(ct);
        return documents.Select(d => new SignedDocumentRow(d.Id, d.VisitId, d.Kind, d.SourceId, d.Version, d.PreviousVersionId,
            d.CorrectionReason, d.Title, d.SignedByName, d.CertificateSubject, d.SignedAt,
            DocumentVerification.Verify(d.Content, d.ContentSha256, authorities))).ToList();
    }
}
