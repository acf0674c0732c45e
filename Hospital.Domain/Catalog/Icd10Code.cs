using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Catalog;

/// <summary>
/// One ICD-10 code of the Ministry of Health list (MA_BENH in the claim XML). Dagger/asterisk
/// codes are separate rows as in the official list.
/// </summary>
public class Icd10Code : CatalogEntry
{
    public string? NameEn { get; set; }
    /// <summary>Roman numeral of the chapter.</summary>
    public string? Chapter { get; set; }
    /// <summary>Three-character category.</summary>
    public string? GroupCode { get; set; }
    protected override string? ExtraSearchText => NameEn;
}

internal sealed class Icd10CodeConfiguration : CatalogEntryConfiguration<Icd10Code>
{
    protected override int CodeLength => 10;
    protected override void ConfigureMore(EntityTypeBuilder<Icd10Code> b)
    {
        b.ToTable("icd10_codes");
        b.Property(x => x.NameEn).HasMaxLength(500);
        b.Property(x => x.Chapter).HasMaxLength(10);
        b.Property(x => x.GroupCode).HasMaxLength(10);
    }
}
