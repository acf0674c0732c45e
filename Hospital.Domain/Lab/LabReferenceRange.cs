using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// A reference interval of a <see cref="LabTest"/> for one sex (or both: <see cref="Sex"/> null) and
/// one age band [<see cref="AgeFromDays"/>, <see cref="AgeToDays"/>) counted in days, so newborns,
/// children and adults can each have theirs. Either bound may be missing ("&lt; 5", "≥ 0.9").
/// Critical limits (giá trị nguy hiểm) are per band too: a neonate's critical glucose is not an adult's.
/// Text and coded tests keep their normal value in <see cref="NormalText"/> ("Âm tính").
/// </summary>
public class LabReferenceRange
{
    public int Id { get; set; }
    public int LabTestId { get; set; }
    public Sex? Sex { get; set; }
    public int AgeFromDays { get; set; }
    /// <summary>Exclusive upper bound of the age band; null = no upper limit.</summary>
    public int? AgeToDays { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
    public decimal? CriticalLow { get; set; }
    public decimal? CriticalHigh { get; set; }
    public string? NormalText { get; set; }
}

internal sealed class LabReferenceRangeConfiguration : IEntityTypeConfiguration<LabReferenceRange>
{
    public void Configure(EntityTypeBuilder<LabReferenceRange> b)
    {
        b.HasIndex(x => x.LabTestId);
        b.Property(x => x.Sex).HasConversion<int?>();
        // Reference limits need more than money's 2 decimals (specific gravity 1.015, HCT 0.38).
        b.Property(x => x.Low).HasPrecision(18, 4);
        b.Property(x => x.High).HasPrecision(18, 4);
        b.Property(x => x.CriticalLow).HasPrecision(18, 4);
        b.Property(x => x.CriticalHigh).HasPrecision(18, 4);
        b.Property(x => x.NormalText).HasMaxLength(200);
    }
}
