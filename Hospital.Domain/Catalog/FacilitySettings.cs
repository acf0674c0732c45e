using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// Professional level of the facility under Luật 51/2024 (bhyt-claims.md §5): it decides which
/// MA_DOITUONG_KCB rates apply to self-referred patients.
/// </summary>
public enum FacilityLevel { Primary = 1, Basic = 2, Specialised = 3 }

/// <summary>
/// The tier (tuyến) the facility had before 2025: several MA_DOITUONG_KCB rows of QĐ 3276 depend on
/// it (e.g. 1.14 "basic level, formerly provincial", 3.1 "specialised, formerly central").
/// </summary>
public enum FormerTier { None = 0, Central = 1, Provincial = 2, District = 3, Commune = 4 }

/// <summary>The one row describing this hospital: what prints on forms and goes into the BHYT XML.</summary>
public class FacilitySettings
{
    public int Id { get; set; }
    /// <summary>Mã CSKCB, 5 digits, the first 2 being the province (MACSKCB in the claim XML).</summary>
    public string FacilityCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public FacilityLevel Level { get; set; } = FacilityLevel.Basic;
    public FormerTier FormerTier { get; set; } = FormerTier.Provincial;
    /// <summary>Self-assessed score of a basic-level facility (50–70 points changes the self-referral benefit, QĐ 3276 code 1.13).</summary>
    public int? LevelScore { get; set; }
    public string? Phone { get; set; }
    public string? TaxCode { get; set; }
    /// <summary>Name of the governing body printed above the facility name ("SỞ Y TẾ ...").</summary>
    public string? ParentAuthority { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FacilitySettingsConfiguration : IEntityTypeConfiguration<FacilitySettings>
{
    public void Configure(EntityTypeBuilder<FacilitySettings> b)
    {
        b.ToTable("facility_settings");
        b.Property(x => x.FacilityCode).HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.ProvinceCode).HasMaxLength(2);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FormerTier).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.TaxCode).HasMaxLength(20);
        b.Property(x => x.ParentAuthority).HasMaxLength(300);
    }
}
