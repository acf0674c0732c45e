using Hospital.Domain.Common;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>The forms rendered and signed (TT 32/2023 PL XXVIII–XXIX).</summary>
public enum ClinicalDocumentKind { ExamRecord = 1, Prescription = 2, Referral = 3 }

/// <summary>
/// A signed clinical document: the PDF exactly as signed (embedded CMS signature, SHA-256), kept
/// for the record's retention period. Rows are immutable once written (the save refuses any
/// change); a correction is a new row with <see cref="Version"/> + 1 that points at
/// <see cref="PreviousVersionId"/> and says why. <see cref="SourceId"/> is the exam record,
/// prescription or (for a referral) exam record the document renders.
/// </summary>
public class ClinicalDocument : ISignedRecord
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PatientId { get; set; }
    public ClinicalDocumentKind Kind { get; set; }
    public long SourceId { get; set; }
    public int Version { get; set; } = 1;
    public long? PreviousVersionId { get; set; }
    public string? CorrectionReason { get; set; }
    public string Title { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>Hex SHA-256 of <see cref="Content"/> as stored, to spot a changed file cheaply.</summary>
    public string ContentSha256 { get; set; } = "";
    public string SignedByUserId { get; set; } = "";
    public string SignedByName { get; set; } = "";
    public string CertificateSubject { get; set; } = "";
    public string CertificateThumbprint { get; set; } = "";
    public DateTime SignedAt { get; set; }
}

internal sealed class ClinicalDocumentConfiguration : IEntityTypeConfiguration<ClinicalDocument>
{
    public void Configure(EntityTypeBuilder<ClinicalDocument> b)
    {
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => new { x.PatientId, x.SignedAt });
        b.HasIndex(x => new { x.Kind, x.SourceId, x.Version }).IsUnique();
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.CorrectionReason).HasMaxLength(500);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.Property(x => x.SignedByUserId).HasMaxLength(450);
        b.Property(x => x.SignedByName).HasMaxLength(256);
        b.Property(x => x.CertificateSubject).HasMaxLength(500);
        b.Property(x => x.CertificateThumbprint).HasMaxLength(64);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ClinicalDocument>().WithMany().HasForeignKey(x => x.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
