using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

public enum DepartmentKind { Clinical = 1, Paraclinical = 2, Pharmacy = 3, Administrative = 4 }

/// <summary>Khoa. <see cref="BhytCode"/> is MA_KHOA in the claim XML (K01–K60, K99, sub-codes).</summary>
public class Department : CatalogEntry
{
    public string BhytCode { get; set; } = "";
    public DepartmentKind Kind { get; set; } = DepartmentKind.Clinical;
}

internal sealed class DepartmentConfiguration : CatalogEntryConfiguration<Department>
{
    protected override int CodeLength => 20;
    protected override void ConfigureMore(EntityTypeBuilder<Department> b)
    {
        b.Property(x => x.BhytCode).HasMaxLength(50);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
