using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Why a received result could not be put on a patient's test.</summary>
public enum UnmatchedReason
{
    /// <summary>No specimen has this barcode (mistyped, another lab's tube, padded ID).</summary>
    UnknownSpecimen = 1,
    /// <summary>The analyser's test code is not in its code map.</summary>
    UnmappedCode = 2,
    /// <summary>The specimen exists but this test was not ordered on it (or was cancelled).</summary>
    NotOrdered = 3,
}

/// <summary>How a technician settled an unmatched result.</summary>
public enum UnmatchedResolution { Assigned = 1, Discarded = 2 }

/// <summary>
/// A result the LIS received but could not match to an ordered test (issue 5 item 10): held here
/// for a technician to assign to the right specimen and test, or discard with a reason — never
/// silently dropped (OpenELIS's unmapped-code inbox, lis-protocols.md §5 and §7.5).
/// </summary>
public class UnmatchedLabResult
{
    public long Id { get; set; }
    public string Analyser { get; set; } = "";
    public string Barcode { get; set; } = "";
    public string AnalyserTestCode { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Unit { get; set; }
    public string? AnalyserFlags { get; set; }
    public DateTime? InstrumentAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public UnmatchedReason Reason { get; set; }
    public long? AnalyserMessageId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public UnmatchedResolution? Resolution { get; set; }
    /// <summary>The discard reason, or what it was assigned to.</summary>
    public string? ResolutionNote { get; set; }
    public long? AssignedLabResultId { get; set; }
}

internal sealed class UnmatchedLabResultConfiguration : IEntityTypeConfiguration<UnmatchedLabResult>
{
    public void Configure(EntityTypeBuilder<UnmatchedLabResult> b)
    {
        b.ToTable("lab_unmatched_results");
        b.HasIndex(x => new { x.ResolvedAt, x.ReceivedAt });
        b.HasIndex(x => x.Barcode);
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.Barcode).HasMaxLength(50);
        b.Property(x => x.AnalyserTestCode).HasMaxLength(50);
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(30);
        b.Property(x => x.AnalyserFlags).HasMaxLength(30);
        b.Property(x => x.Reason).HasConversion<int>();
        b.Property(x => x.Resolution).HasConversion<int?>();
        b.Property(x => x.ResolvedBy).HasMaxLength(256);
        b.Property(x => x.ResolutionNote).HasMaxLength(500);
        b.HasOne<AnalyserMessage>().WithMany().HasForeignKey(x => x.AnalyserMessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LabResult>().WithMany().HasForeignKey(x => x.AssignedLabResultId).OnDelete(DeleteBehavior.Restrict);
    }
}
