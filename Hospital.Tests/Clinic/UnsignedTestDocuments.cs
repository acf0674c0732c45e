using System.Security.Cryptography;
using System.Text;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Emr.Documents;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Clinic;

/// <summary>
/// TEST ONLY, and only for the Clinic's own rules (conclusion, locking, addenda) until the real
/// issuer (Documents feature) is wired: writes a plain, UNSIGNED document row per call, next
/// version of its kind and source, so the tests can see what the conclusion asked to sign.
/// The password "wrong" fails like a wrong certificate PIN does.
/// </summary>
internal sealed class UnsignedTestDocuments : IClinicalDocumentIssuer
{
    public const string WrongPassword = "wrong";

    public async Task<ClinicalDocument> AddSignedAsync(HospitalDbContext db, DocumentToSign document, string signingPassword, CancellationToken ct = default)
    {
        if (signingPassword == WrongPassword) throw new DomainException("Mật khẩu chữ ký số không đúng.");
        var visit = await db.Set<Hospital.Domain.Visits.Visit>().AsNoTracking().FirstAsync(v => v.Id == document.VisitId, ct);
        var previous = await db.Set<ClinicalDocument>().AsNoTracking()
            .Where(d => d.Kind == document.Kind && d.SourceId == document.SourceId)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(ct);
        var content = Encoding.UTF8.GetBytes($"unsigned test document {document}");
        var row = new ClinicalDocument
        {
            VisitId = document.VisitId,
            PatientId = visit.PatientId,
            Kind = document.Kind,
            SourceId = document.SourceId,
            Version = (previous?.Version ?? 0) + 1,
            PreviousVersionId = previous?.Id,
            CorrectionReason = document.CorrectionReason,
            Title = $"TEST {document.Kind}",
            Content = content,
            ContentSha256 = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(),
            SignedByUserId = "test",
            SignedByName = "UNSIGNED TEST",
            SignedAt = DateTime.UtcNow,
        };
        db.Add(row);
        return row;
    }
}
