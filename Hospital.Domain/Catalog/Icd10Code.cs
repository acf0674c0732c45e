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
    /// <summary>
    /// Whether the code may be the main diagnosis (MA_BENH_CHINH), from the flag columns 24–27
    /// of the Ministry list (vn-emr-rx.md §6). Asterisk (*) codes are never main by ICD-10 rules.
    /// </summary>
    public Icd10PrimaryUse PrimaryUse { get; set; }
    /// <summary>Columns 28/29: a code for one sex only (a warning, never a block).</summary>
    public Patients.Sex? SexRestriction { get; set; }
    protected override string? ExtraSearchText => NameEn;
}

/// <summary>How a code may be used, per the flag columns of the BYT ICD-10 list.</summary>
public enum Icd10PrimaryUse
{
    Allowed = 0,
    /// <summary>Col 24: not allowed as the main diagnosis.</summary>
    NotAsPrimary = 1,
    /// <summary>Col 25: allowed as main but discouraged (warn).</summary>
    Discouraged = 2,
    /// <summary>Col 26: not to be used at all.</summary>
    Forbidden = 3,
    /// <summary>Col 27: cause of death only.</summary>
    CauseOfDeathOnly = 4,
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
        b.Property(x => x.PrimaryUse).HasConversion<int>();
        b.Property(x => x.SexRestriction).HasConversion<int?>();
    }
}
