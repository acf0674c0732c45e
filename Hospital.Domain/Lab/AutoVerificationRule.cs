using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// How results of one test are checked before a person sees them (issue 5 item 11): the delta
/// check limit (change from the patient's previous validated value, in percent, within
/// <see cref="DeltaWindowDays"/>) and whether a result may be validated automatically. Off by
/// default: a lab admin turns auto-verification on per test. When on, a result is validated by
/// the rules only if every check holds: within the reference range, no analyser flag, no
/// delta breach, not critical.
/// </summary>
public class AutoVerificationRule
{
    public int Id { get; set; }
    public int LabTestId { get; set; }
    public bool AutoVerify { get; set; }
    /// <summary>Largest change from the previous value that is not flagged, in percent; null = no delta check.</summary>
    public decimal? DeltaLimitPercent { get; set; }
    public int DeltaWindowDays { get; set; } = 30;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class AutoVerificationRuleConfiguration : IEntityTypeConfiguration<AutoVerificationRule>
{
    public void Configure(EntityTypeBuilder<AutoVerificationRule> b)
    {
        b.ToTable("lab_autoverification_rules");
        b.HasIndex(x => x.LabTestId).IsUnique();
        b.Property(x => x.DeltaLimitPercent).HasPrecision(9, 2);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.HasOne<LabTest>().WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
    }
}
