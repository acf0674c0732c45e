using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// A technical service, exam or bed day the hospital charges for. <see cref="Code"/> is
/// MA_DICH_VU (XX.YYYY.ZZZZ per QĐ 2010); prices are VND with 3 decimals as in XML3.
/// </summary>
public class MedicalService : CatalogEntry
{
    public BhytCostGroup CostGroup { get; set; }
    public string Unit { get; set; } = "Lần";
    /// <summary>DON_GIA_BV: the hospital's price.</summary>
    public decimal Price { get; set; }
    /// <summary>DON_GIA_BH: what the fund pays per unit; null when BHYT does not cover it.</summary>
    public decimal? BhytPrice { get; set; }
    /// <summary>Department that performs it, for routing orders.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
}

internal sealed class MedicalServiceConfiguration : CatalogEntryConfiguration<MedicalService>
{
    protected override void ConfigureMore(EntityTypeBuilder<MedicalService> b)
    {
        b.ToTable("medical_services");
        b.Property(x => x.CostGroup).HasConversion<int>();
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.Price).HasPrecision(18, 3);
        b.Property(x => x.BhytPrice).HasPrecision(18, 3);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
