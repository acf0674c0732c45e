using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>Nghề nghiệp per QĐ 34/2020/QĐ-TTg; five-digit codes go into MA_NGHE_NGHIEP.</summary>
public class Occupation : CatalogEntry
{
    public int Level { get; set; } = 5;
    public string? ParentCode { get; set; }
}

internal sealed class OccupationConfiguration : CatalogEntryConfiguration<Occupation>
{
    protected override int CodeLength => 5;
    protected override void ConfigureMore(EntityTypeBuilder<Occupation> b) =>
        b.Property(x => x.ParentCode).HasMaxLength(5);
}
