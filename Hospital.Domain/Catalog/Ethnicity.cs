using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>Dân tộc, QĐ 121-TCTK/PPCĐ code (MA_DANTOC).</summary>
public class Ethnicity : CatalogEntry
{
    public string? OtherNames { get; set; }
    protected override string? ExtraSearchText => OtherNames;
}

internal sealed class EthnicityConfiguration : CatalogEntryConfiguration<Ethnicity>
{
    protected override int CodeLength => 3;
    protected override void ConfigureMore(EntityTypeBuilder<Ethnicity> b)
    {
        b.ToTable("ethnicities");
        b.Property(x => x.OtherNames).HasMaxLength(500);
    }
}
