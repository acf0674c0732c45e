using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// The target mean and standard deviation of one control material for one test on one analyser
/// (from the lot's insert or the lab's own 20 runs), against which Westgard rules judge each
/// <see cref="QcResult"/>. A new lot gets a new row; the old one is deactivated, not edited.
/// </summary>
public class QcTarget
{
    public int Id { get; set; }
    public string Analyser { get; set; } = "";
    public string ControlId { get; set; } = "";
    public int LabTestId { get; set; }
    /// <summary>Level as printed on the control ("Mức 1", "Normal", "High").</summary>
    public string? Level { get; set; }
    public decimal Mean { get; set; }
    public decimal Sd { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class QcTargetConfiguration : IEntityTypeConfiguration<QcTarget>
{
    public void Configure(EntityTypeBuilder<QcTarget> b)
    {
        b.ToTable("lab_qc_targets");
        b.HasIndex(x => new { x.Analyser, x.ControlId, x.LabTestId });
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.ControlId).HasMaxLength(50);
        b.Property(x => x.Level).HasMaxLength(50);
        b.Property(x => x.Mean).HasPrecision(18, 6);
        b.Property(x => x.Sd).HasPrecision(18, 6);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<LabTest>().WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
    }
}
