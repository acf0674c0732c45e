using Hospital.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Which way bytes went, or a session event (connected, timeout, checksum error) with no bytes.</summary>
public enum JournalDirection { In = 1, Out = 2, Event = 3 }

/// <summary>
/// The byte journal of an analyser link (issue 5 item 8): every chunk read or written, with its
/// time, so a lab admin can see exactly what the instrument sent when a result looks wrong.
/// Written in batches by a background writer, off the session's path, so a slow disk never delays
/// an ACK past the E1381 15 s receiver timer.
/// </summary>
public class AnalyserJournalEntry : INotAudited
{
    public long Id { get; set; }
    public string Analyser { get; set; } = "";
    public DateTime At { get; set; }
    public JournalDirection Direction { get; set; }
    public byte[] Data { get; set; } = [];
    /// <summary>What happened, for <see cref="JournalDirection.Event"/> rows ("Đã kết nối", "Sai checksum khung 3").</summary>
    public string? Note { get; set; }
}

internal sealed class AnalyserJournalEntryConfiguration : IEntityTypeConfiguration<AnalyserJournalEntry>
{
    public void Configure(EntityTypeBuilder<AnalyserJournalEntry> b)
    {
        b.ToTable("analyser_journal");
        b.HasIndex(x => new { x.Analyser, x.At });
        b.Property(x => x.Analyser).HasMaxLength(100);
        b.Property(x => x.Direction).HasConversion<int>();
        b.Property(x => x.Note).HasMaxLength(500);
    }
}
