using Hospital.Domain.Clinical;
using Hospital.Domain.Data;

namespace Hospital.Emr.Documents;

/// <summary>
/// Renders a clinical document from the record as it stands in <paramref name="db"/> (tracked
/// changes included, so a conclusion can sign what it is about to save), signs the PDF with the
/// current user's certificate, and adds the <see cref="ClinicalDocument"/> (next version of that
/// kind and source) to the context. The caller saves, so the document and the change it records
/// land together or not at all. A missing certificate or a wrong password is a
/// <see cref="Hospital.Domain.Common.DomainException"/> with a Vietnamese message.
/// </summary>
public interface IClinicalDocumentIssuer
{
    Task<ClinicalDocument> AddSignedAsync(HospitalDbContext db, DocumentToSign document, string signingPassword, CancellationToken ct = default);
}

/// <param name="CorrectionReason">Required for version 2 and later (an addendum or a corrected prescription).</param>
public sealed record DocumentToSign(ClinicalDocumentKind Kind, int VisitId, long SourceId, string? CorrectionReason = null);
