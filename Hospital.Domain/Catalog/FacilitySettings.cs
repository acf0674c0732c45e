using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// Professional level of the facility under Luật 51/2024 (bhyt-claims.md §5): it decides which
/// MA_DOITUONG_KCB rates apply to self-referred patients.
/// </summary>
public enum FacilityLevel { Primary = 1, Basic = 2, Specialised = 3 }

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
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.TaxCode).HasMaxLength(20);
        b.Property(x => x.ParentAuthority).HasMaxLength(300);
    }
}
