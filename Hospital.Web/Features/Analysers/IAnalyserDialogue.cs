using Hospital.Domain.Lab;
using Hospital.Integration.Transport;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// One protocol's conversation with an analyser over a connected channel (ASTM E1381/E1394 or
/// HL7 v2 over MLLP): reads messages, turns them into <see cref="Hospital.Lis.Analysers.AnalyserUpload"/>s
/// stored through the link before the final ACK, answers host queries, and sends the worklists the
/// link hands it. The session host owns the transport (open, reconnect, accept); the dialogue owns
/// the bytes between.
/// </summary>
public interface IAnalyserDialogue
{
    AnalyserProtocol Protocol { get; }

    /// <summary>Talks over <paramref name="channel"/> until it closes (returns) or <paramref name="ct"/> is cancelled.</summary>
    Task RunAsync(IByteChannel channel, IAnalyserLink link, CancellationToken ct);
}
