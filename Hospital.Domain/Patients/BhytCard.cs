using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Patients;

/// <summary>
/// A health-insurance card held by a patient for a period. The 15-character number is
/// group (2) + benefit level (1) + province (2) + social-insurance number (10), bhyt-claims.md §5.
/// </summary>
public class BhytCard : IVoidable
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public string Number { get; set; } = "";
    /// <summary>Mã số BHXH: the last 10 characters, kept apart so a clerk can search by it.</summary>
    public string SocialInsuranceNumber { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>MA_DKBD: the primary-care facility the card is registered at.</summary>
    public string RegisteredFacilityCode { get; set; } = "";
    /// <summary>Date from which the holder has 5 continuous years of coverage (NAM_NAM_LIEN_TUC).</summary>
    public DateOnly? FiveYearsContinuousFrom { get; set; }
    /// <summary>MA_KHUVUC K1/K2/K3 printed on cards of people living in hardship areas.</summary>
    public string? AreaCode { get; set; }
    /// <summary>Last answer of the portal card check (maKetQua, e.g. "000") and when it came.</summary>
    public string? LastCheckResult { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }

    public string GroupCode => Number.Length >= 2 ? Number[..2] : "";
    public int? BenefitLevel => Number.Length >= 3 && char.IsAsciiDigit(Number[2]) ? Number[2] - '0' : null;

    public bool IsValidOn(DateOnly day) => VoidedAt is null && ValidFrom <= day && day <= ValidTo;
}

internal sealed class BhytCardConfiguration : IEntityTypeConfiguration<BhytCard>
{
    public void Configure(EntityTypeBuilder<BhytCard> b)
    {
        b.Property(x => x.Number).HasMaxLength(15);
        b.HasIndex(x => x.Number);
        b.Property(x => x.SocialInsuranceNumber).HasMaxLength(10);
        b.HasIndex(x => x.SocialInsuranceNumber);
        b.Property(x => x.RegisteredFacilityCode).HasMaxLength(10);
        b.Property(x => x.AreaCode).HasMaxLength(2);
        b.Property(x => x.LastCheckResult).HasMaxLength(10);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.Ignore(x => x.GroupCode);
        b.Ignore(x => x.BenefitLevel);
    }
}
