using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>Medical supply (VTYT) with the XML3 fields: MA_VAT_TU, TEN_VAT_TU, unit, price.</summary>
public class Supply : CatalogEntry
{
    public string Unit { get; set; } = "Cái";
    public BhytCostGroup CostGroup { get; set; } = BhytCostGroup.SupplyInList;
    public decimal Price { get; set; }
    /// <summary>The code the BHXH portal issued for this supply, when it has one.</summary>
    public string? BhytCode { get; set; }
    public bool CoveredByBhyt { get; set; } = true;
}

internal sealed class SupplyConfiguration : CatalogEntryConfiguration<Supply>
{
    protected override void ConfigureMore(EntityTypeBuilder<Supply> b)
    {
        b.ToTable("supplies");
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.CostGroup).HasConversion<int>();
        b.Property(x => x.Price).HasPrecision(18, 3);
        b.Property(x => x.BhytCode).HasMaxLength(255);
    }
}
