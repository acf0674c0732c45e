using Hospital.Domain.Lab;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// HL7 v2 over MLLP with one analyser (lis-protocols.md §3): results stored before their ACK, host queries
/// answered, worklists pushed. The same dialogue serves every transport the host opens (the analyser connects to
/// us, we connect to it, or a serial device server in between): each connection is one <see cref="Hl7Conversation"/>.
/// </summary>
public sealed class Hl7Dialogue(TimeProvider clock) : IAnalyserDialogue
{
    /// <summary>Limits and timers of the link (MLLP defaults: 16 MB messages, 30 s for an ACK, 60 s for a half-received block).</summary>
    public MllpOptions Options { get; init; } = MllpOptions.Default;

    public AnalyserProtocol Protocol => AnalyserProtocol.Hl7;

    public Task RunAsync(IByteChannel channel, IAnalyserLink link, CancellationToken ct) =>
        new Hl7Conversation(new JournaledChannel(channel, link), link, Options, clock).RunAsync(ct);

    /// <summary>Every byte read or written goes to the link's journal (queued there, never on the ACK's path).</summary>
    private sealed class JournaledChannel(IByteChannel inner, IAnalyserLink link) : IByteChannel
    {
        public string Description => inner.Description;

        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
        {
            var n = await inner.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (n > 0) link.Journal(JournalDirection.In, buffer.Span[..n]);
            return n;
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
        {
            link.Journal(JournalDirection.Out, data.Span);
            return inner.WriteAsync(data, ct);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
