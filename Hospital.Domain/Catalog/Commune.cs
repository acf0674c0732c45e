using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>Xã, phường or đặc khu under the 2025 two-level structure; 5-digit GSO code = MAXA_CU_TRU.</summary>
public class Commune : CatalogEntry
{
    public string ProvinceCode { get; set; } = "";
    /// <summary>"Xã", "Phường" or "Đặc khu".</summary>
    public string Kind { get; set; } = "Xã";
}

internal sealed class CommuneConfiguration : CatalogEntryConfiguration<Commune>
{
    protected override int CodeLength => 5;
    protected override void ConfigureMore(EntityTypeBuilder<Commune> b)
    {
        b.Property(x => x.ProvinceCode).HasMaxLength(2);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasIndex(x => x.ProvinceCode);
    }
}
