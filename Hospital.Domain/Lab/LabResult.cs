using Hospital.Domain.Clinical;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Where a result is in the technician's validation.</summary>
public enum LabResultStatus
{
    /// <summary>Chờ duyệt: arrived from the analyser (or typed in), not yet looked at.</summary>
    Pending = 1,
    /// <summary>Đã duyệt and released to the EMR.</summary>
    Validated = 2,
    /// <summary>Loại bỏ: the technician judged it wrong (clot, haemolysis…); the test waits for a new value.</summary>
    Rejected = 3,
    /// <summary>Chạy lại: the technician asked the analyser to run it again; the next value supersedes this one.</summary>
    RerunRequested = 4,
}

/// <summary>
/// One value of one ordered test (<see cref="LabOrderTest"/>) as the LIS received it from an analyser
/// or a technician typed it. A rerun or a second value never overwrites: the earlier row gets
/// <see cref="SupersededAt"/> and stays as history (hmis #6673 in lis-protocols.md §5: repeats after
/// an approved report need versioned results). At most one row per order test has no
/// <see cref="SupersededAt"/>: the current one, which the validation worklist shows.
/// </summary>
public class LabResult
{
    public long Id { get; set; }
    public long LabOrderTestId { get; set; }
    public LabOrderTest? LabOrderTest { get; set; }
    public long SpecimenId { get; set; }
    public int PatientId { get; set; }
    public int LabTestId { get; set; }
    public string TestCode { get; set; } = "";
    /// <summary>The value as sent, trimmed (">500", "Dương tính", "----" are kept as they are: never coerced to 0).</summary>
    public string Value { get; set; } = "";
    /// <summary>The value as a number when it is one (decimal point or comma), for flags, delta checks and trends.</summary>
    public decimal? NumericValue { get; set; }
    public string? Unit { get; set; }
    /// <summary>The reference range that applied to this patient when stored ("4 - 10").</summary>
    public string? ReferenceRange { get; set; }
    public ResultFlag Flag { get; set; }
    /// <summary>Abnormal flags as the analyser sent them (ASTM R-7, HL7 OBX-8), kept for the technician.</summary>
    public string? AnalyserFlags { get; set; }
    /// <summary>Analyser name; null when typed in by hand.</summary>
    public string? Analyser { get; set; }
    public string? AnalyserTestCode { get; set; }
    /// <summary>When the instrument measured it (ASTM R-13, HL7 OBX-14/19), UTC.</summary>
    public DateTime? InstrumentAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public long? AnalyserMessageId { get; set; }
    public LabResultStatus Status { get; set; } = LabResultStatus.Pending;
    public DateTime? SupersededAt { get; set; }
    /// <summary>The patient's previous validated value of the same test, for the delta check shown next to this one.</summary>
    public decimal? PreviousValue { get; set; }
    public DateTime? PreviousAt { get; set; }
    /// <summary>The change from <see cref="PreviousValue"/> exceeds the test's delta limit.</summary>
    public bool DeltaBreached { get; set; }
    /// <summary>Validated by the auto-verification rules, not by a person.</summary>
    public bool AutoVerified { get; set; }
    public DateTime? ValidatedAt { get; set; }
    public string? ValidatedBy { get; set; }
    /// <summary>Why it was rejected or rerun.</summary>
    public string? StatusReason { get; set; }
    /// <summary>When and by whom it was last validated, rejected or sent for a rerun (the history the technician expands).</summary>
    public DateTime? StatusChangedAt { get; set; }
    public string? StatusChangedBy { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public string? Comment { get; set; }
}

internal sealed class LabResultConfiguration : IEntityTypeConfiguration<LabResult>
{
    public void Configure(EntityTypeBuilder<LabResult> b)
    {
        b.ToTable("lab_results");
        b.HasIndex(x => new { x.LabOrderTestId, x.SupersededAt });
        b.HasIndex(x => x.SpecimenId);
        b.HasIndex(x => new { x.PatientId, x.LabTestId, x.ValidatedAt });
        b.HasIndex(x => new { x.Status, x.ReceivedAt });
        b.HasIndex(x => x.AnalyserMessageId);
        b.Property(x => x.TestCode).HasMaxLength(30);
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.NumericValue).HasPrecision(18, 6);
        b.Property(x => x.PreviousValue).HasPrecision(18, 6);
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.ReferenceRange).HasMaxLength(200);
        b.Property(x => x.Flag).HasConversion<int>();
        b.Property(x => x.AnalyserFlags).HasMaxLength(30);
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.AnalyserTestCode).HasMaxLength(50);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.ValidatedBy).HasMaxLength(256);
        b.Property(x => x.StatusReason).HasMaxLength(500);
        b.Property(x => x.StatusChangedBy).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasOne(x => x.LabOrderTest).WithMany().HasForeignKey(x => x.LabOrderTestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Specimen>().WithMany().HasForeignKey(x => x.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LabTest>().WithMany().HasForeignKey(x => x.LabTestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AnalyserMessage>().WithMany().HasForeignKey(x => x.AnalyserMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
