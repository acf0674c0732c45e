using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>
/// A quality-control measurement (kết quả nội kiểm): a control material run on an analyser,
/// recognised by the protocol (ASTM O-12 = Q, HL7 MSH-16 = 2 on Mindray BS, control IDs) and kept
/// here, never on a patient (lis-protocols.md §2.5, §5). <see cref="Violations"/> holds the
/// Westgard rules the value broke against its <see cref="QcTarget"/> when it was stored.
/// </summary>
public class QcResult
{
    public long Id { get; set; }
    public string Analyser { get; set; } = "";
    /// <summary>The control's ID as the analyser sent it (lot/level, e.g. "QC-N1" or a control barcode).</summary>
    public string ControlId { get; set; } = "";
    public string AnalyserTestCode { get; set; } = "";
    /// <summary>Our test, when the code map knows the analyser code.</summary>
    public int? LabTestId { get; set; }
    public string Value { get; set; } = "";
    public decimal? NumericValue { get; set; }
    public string? Unit { get; set; }
    public DateTime? InstrumentAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public long? AnalyserMessageId { get; set; }
    /// <summary>Westgard rules broken, ';'-separated ("1-3s;R-4s"); null when none or no target.</summary>
    public string? Violations { get; set; }
    /// <summary>A rejection rule was broken: patient results of the run need review.</summary>
    public bool RunRejected { get; set; }
}

internal sealed class QcResultConfiguration : IEntityTypeConfiguration<QcResult>
{
    public void Configure(EntityTypeBuilder<QcResult> b)
    {
        b.ToTable("lab_qc_results");
        b.HasIndex(x => new { x.Analyser, x.ControlId, x.LabTestId, x.ReceivedAt });
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.ControlId).HasMaxLength(50);
        b.Property(x => x.AnalyserTestCode).HasMaxLength(50);
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.NumericValue).HasPrecision(18, 6);
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.Violations).HasMaxLength(100);
        b.HasOne<LabTest>().WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AnalyserMessage>().WithMany().HasForeignKey(x => x.AnalyserMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
