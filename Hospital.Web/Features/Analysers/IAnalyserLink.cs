using System.Threading.Channels;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>What a dialogue needs from the LIS while it talks to one analyser; the session host implements it.</summary>
public interface IAnalyserLink
{
    /// <summary>The analyser as declared (a detached copy).</summary>
    Analyser Definition { get; }

    /// <summary>Queues bytes read or written for the journal; returns at once (never touches the database on the caller's path).</summary>
    void Journal(JournalDirection direction, ReadOnlySpan<byte> data);

    /// <summary>Records a session event in the journal and the live status (errors become the status's last error).</summary>
    void Event(string note, bool isError = false);

    /// <summary>Stores a complete message durably (with its results, unmatched and QC rows) and returns when committed: call it before the final ACK.</summary>
    Task<UploadOutcome> StoreAsync(AnalyserUpload upload, CancellationToken ct);

    /// <summary>The tests pending on this analyser for a specimen (host query); null when no specimen has the barcode.</summary>
    Task<SpecimenWorkOrder?> WorkOrderAsync(string barcode, CancellationToken ct);

    /// <summary>Worklists to push (analysers with <see cref="Analyser.Broadcast"/>), one per received specimen.</summary>
    ChannelReader<SpecimenWorkOrder> Broadcasts { get; }
}
