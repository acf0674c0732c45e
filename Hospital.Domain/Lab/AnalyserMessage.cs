using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>What an analyser message was about, once read.</summary>
public enum AnalyserMessageKind { Results = 1, QualityControl = 2, Query = 3, Other = 9 }

/// <summary>
/// One complete message received from an analyser (an ASTM transfer from ENQ to EOT, one HL7
/// message), stored with what came of it in the same transaction, before the final ACK
/// (lis-protocols.md §7.2: persist before acknowledging). Unique on (analyser, SHA-256 of the
/// text): an analyser that never got our ACK sends the same message again and it is recognised and
/// acknowledged without being stored twice (Mirth #4126 in §5).
/// </summary>
public class AnalyserMessage : INotAudited
{
    public long Id { get; set; }
    public string Analyser { get; set; } = "";
    public AnalyserProtocol Protocol { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>MSH-10 of an HL7 message; the H record's message control ID of ASTM when sent.</summary>
    public string? ControlId { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/> (UTF-8).</summary>
    public string ContentSha256 { get; set; } = "";
    /// <summary>The message as decoded text (records/segments separated by CR).</summary>
    public string Text { get; set; } = "";
    public AnalyserMessageKind Kind { get; set; }
    public int ResultCount { get; set; }
    public int UnmatchedCount { get; set; }
    public int QcCount { get; set; }
    /// <summary>Why the message could not be read, when it could not (still stored: nothing is dropped).</summary>
    public string? Error { get; set; }
}

internal sealed class AnalyserMessageConfiguration : IEntityTypeConfiguration<AnalyserMessage>
{
    public void Configure(EntityTypeBuilder<AnalyserMessage> b)
    {
        b.ToTable("analyser_messages");
        b.HasIndex(x => new { x.Analyser, x.ContentSha256 }).IsUnique();
        b.HasIndex(x => x.ReceivedAt);
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.Protocol).HasConversion<int>();
        b.Property(x => x.ControlId).HasMaxLength(100);
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Error).HasMaxLength(1000);
    }
}
