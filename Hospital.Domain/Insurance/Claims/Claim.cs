using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Insurance.Claims;

/// <summary>Where a claim version stands on the finance board.</summary>
public enum ClaimStatus
{
    /// <summary>Built, valid and signed: waiting for finance to send it.</summary>
    Ready = 1,
    /// <summary>Built but failing validation: <see cref="Claim.ErrorsJson"/> says what to fix in the source data.</summary>
    Invalid = 2,
    /// <summary>Handed to the outbox for the portal; retried until the portal answers.</summary>
    Sent = 3,
    /// <summary>The portal received it (maKetQua 200, maGiaoDich kept).</summary>
    Accepted = 4,
    /// <summary>The portal refused it; its code and text are on the claim.</summary>
    Rejected = 5,
    /// <summary>A later version of the same MA_LK replaced this one (correction).</summary>
    Superseded = 9,
}

/// <summary>
/// One version of a visit's BHYT claim (hồ sơ đề nghị thanh toán): the signed GIAMDINHHS file
/// exactly as sent, its money totals for the board and reports, and what the portal answered.
/// A correction never edits a version: it builds the next one (same MA_LK, <see cref="Version"/>+1)
/// and marks this one <see cref="ClaimStatus.Superseded"/>, so every file ever sent stays.
/// </summary>
public class Claim
{
    public long Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public string MaLk { get; set; } = "";
    public int Version { get; set; } = 1;
    public ClaimStatus Status { get; set; }
    public DateTime BuiltAt { get; set; }
    public string BuiltBy { get; set; } = "";

    // Board filters, copied from the episode when built.
    /// <summary>NGAY_RA as a local date: the day and month a claim belongs to.</summary>
    public DateOnly EndDate { get; set; }
    public int? DepartmentId { get; set; }
    public int? DoctorStaffId { get; set; }
    public string? BenefitCategoryCode { get; set; }
    public int PatientId { get; set; }
    /// <summary>NAM_QT × 100 + THANG_QT.</summary>
    public int SettlementPeriod { get; set; }

    // XML1 totals.
    public decimal TotalCost { get; set; }
    public decimal InsuranceCost { get; set; }
    public decimal InsurancePays { get; set; }
    public decimal CoPayment { get; set; }
    public decimal PatientOutOfScope { get; set; }
    public decimal OtherSources { get; set; }
    public decimal PatientPays => CoPayment + PatientOutOfScope;
    public decimal MucHuong { get; set; }

    /// <summary>Validation errors as JSON (<c>ClaimError[]</c>): field, message and a link to the screen that fixes the source data.</summary>
    public string ErrorsJson { get; set; } = "[]";
    /// <summary>The signed GIAMDINHHS file (UTF-8); null while invalid.</summary>
    public byte[]? SignedXml { get; set; }

    public DateTime? SentAt { get; set; }
    public string? SentBy { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? PortalResultCode { get; set; }
    public string? PortalMessage { get; set; }
    /// <summary>maGiaoDich of the accepted submission.</summary>
    public string? TransactionCode { get; set; }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.HasIndex(x => new { x.VisitId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.Status, x.EndDate });
        b.HasIndex(x => x.MaLk);
        b.HasIndex(x => new { x.PatientId, x.EndDate });
        b.Property(x => x.MaLk).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.BuiltBy).HasMaxLength(256);
        b.Property(x => x.BenefitCategoryCode).HasMaxLength(4);
        foreach (var p in new[] { nameof(Claim.TotalCost), nameof(Claim.InsuranceCost), nameof(Claim.InsurancePays), nameof(Claim.CoPayment), nameof(Claim.PatientOutOfScope), nameof(Claim.OtherSources) })
            b.Property(p).HasPrecision(18, 2);
        b.Property(x => x.MucHuong).HasPrecision(5, 2);
        b.Ignore(x => x.PatientPays);
        b.Property(x => x.SentBy).HasMaxLength(256);
        b.Property(x => x.PortalResultCode).HasMaxLength(20);
        b.Property(x => x.PortalMessage).HasMaxLength(2000);
        b.Property(x => x.TransactionCode).HasMaxLength(100);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}
