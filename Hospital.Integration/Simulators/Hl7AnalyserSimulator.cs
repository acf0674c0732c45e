using System.Globalization;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Simulators;

/// <summary>The host's answer to one message the simulator sent.</summary>
/// <param name="AckCode">MSA-1: AA, AE, AR (CA/CE/CR in enhanced mode).</param>
public sealed record Hl7SendOutcome(string ControlId, string AckCode, string Text, Hl7Message Response)
{
    public bool Accepted => AckCode is "AA" or "CA";

    public override string ToString() => $"{ControlId}: {AckCode} {Text}".TrimEnd();
}

/// <summary>The host's answer to a QRY^Q02: QCK^Q02 (QAK-2 OK or NF) and, when found, DSR^Q03 with the tests (DSP-29 on).</summary>
public sealed record Hl7QueryOutcome(string Barcode, Hl7Message Qck, Hl7Message? Dsr)
{
    public bool Found => Qck.First("QAK")?.Value(2) == "OK" && Dsr is not null;

    /// <summary>Test numbers from DSP lines 29 on (<c>testNo^name^unit^range</c> in DSP-3).</summary>
    public IReadOnlyList<string> PendingTests =>
        Dsr is null ? [] :
        Dsr.All("DSP").Where(d => int.TryParse(d.Value(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 29)
            .Select(d => d.Field(3).Component(1).Value).Where(v => v.Length > 0).ToList();

    public override string ToString() =>
        Found ? $"query {Barcode}: host asks for tests {string.Join(",", PendingTests)}" : $"query {Barcode}: host has no order (QAK {Qck.First("QAK")?.Value(2)})";
}

/// <summary>
/// Plays an HL7 v2 analyser over MLLP (spec §3): sends ORU^R01 results and QC, asks QRY^Q02 host queries (and ACKs the
/// DSR^Q03 that follows), takes worklist orders. As a TCP client (<see cref="ToHost"/>) or, like analysers that listen,
/// a server whose first accepted connection is used (<see cref="Listening"/>). Reuses <see cref="MllpClient"/>, so
/// responses are matched on MSA-2.
/// </summary>
public sealed class Hl7AnalyserSimulator : IAsyncDisposable
{
    private readonly MllpClient _client;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly IAsyncDisposable? _owned;
    private int _controlId;

    /// <param name="duplicate">Fault: send every result message twice with the same MSH-10, as after a lost ACK.</param>
    public Hl7AnalyserSimulator(IByteChannelConnector connector, Hl7AnalyserProfile profile, int seed = 1, bool duplicate = false,
        MllpOptions? options = null, TimeProvider? time = null, Action<string>? log = null, IAsyncDisposable? owned = null)
    {
        Profile = profile;
        Generator = new SimulatedResultGenerator(seed);
        Duplicate = duplicate;
        _time = time ?? TimeProvider.System;
        _log = log;
        _owned = owned;
        _client = new MllpClient(connector, options ?? new MllpOptions { SendAttempts = 1 });
    }

    /// <summary>Connects to the LIS at host:port (the usual set-up: analyser as TCP client).</summary>
    public static Hl7AnalyserSimulator ToHost(string host, int port, Hl7AnalyserProfile profile, int seed = 1, bool duplicate = false, MllpOptions? options = null, Action<string>? log = null) =>
        new(new TcpClientChannel(host, port, new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(200), Maximum = TimeSpan.FromSeconds(5) }), profile, seed, duplicate, options, log: log);

    /// <summary>Listens on <paramref name="listener"/> and talks over the first connection the LIS opens.</summary>
    public static Hl7AnalyserSimulator Listening(TcpServerChannel listener, Hl7AnalyserProfile profile, int seed = 1, bool duplicate = false, MllpOptions? options = null, Action<string>? log = null) =>
        new(new AcceptingConnector(listener), profile, seed, duplicate, options, log: log, owned: listener);

    public Hl7AnalyserProfile Profile { get; }

    public SimulatedResultGenerator Generator { get; }

    public bool Duplicate { get; }

    private DateTime Now => _time.GetLocalNow().DateTime;

    private string NextControlId() => Interlocked.Increment(ref _controlId).ToString(CultureInfo.InvariantCulture);

    /// <summary>One ORU^R01 per barcode with generated results; returns each host answer (two per message with the duplicate fault).</summary>
    public async Task<IReadOnlyList<Hl7SendOutcome>> SendResultsAsync(IEnumerable<string> barcodes, IReadOnlyCollection<string>? testCodes, CancellationToken ct)
    {
        var tests = Profile.Tests(testCodes);
        var outcomes = new List<Hl7SendOutcome>();
        var number = 0;
        foreach (var barcode in barcodes)
        {
            var message = Hl7SimulatorMessages.Results(Profile, Generator.Sample(barcode, tests), NextControlId(), Now, ++number);
            outcomes.AddRange(await SendAsync(message, ct).ConfigureAwait(false));
        }
        return outcomes;
    }

    /// <summary>A QC run (MSH-16 = 2) of the given control material and lot.</summary>
    public async Task<IReadOnlyList<Hl7SendOutcome>> SendQcAsync(string material, string lot, IReadOnlyCollection<string>? testCodes, CancellationToken ct)
    {
        var sample = Generator.QualityControl(material, lot, Profile.Tests(testCodes));
        return await SendAsync(Hl7SimulatorMessages.QualityControl(Profile, sample, NextControlId(), Now), ct).ConfigureAwait(false);
    }

    /// <summary>QRY^Q02 for a barcode; waits for QCK^Q02 and, when found, the DSR^Q03, which it acknowledges (ACK^Q03).</summary>
    public async Task<Hl7QueryOutcome> QueryAsync(string barcode, CancellationToken ct)
    {
        var query = Hl7SimulatorMessages.Query(Profile, barcode, NextControlId(), Now);
        _log?.Invoke($"→ QRY^Q02 {query.ControlId} for {barcode}");
        var qck = await _client.SendAsync(query, ct).ConfigureAwait(false);
        _log?.Invoke($"← {qck.Type} QAK {qck.First("QAK")?.Value(2)}");
        if (qck.First("QAK")?.Value(2) != "OK") return new Hl7QueryOutcome(barcode, qck, null);
        var dsr = await _client.ReceiveAsync(ct).ConfigureAwait(false);
        _log?.Invoke($"← {dsr.Type} {dsr.ControlId}");
        await _client.SendWithoutAckAsync(Hl7Replies.Ack(dsr), ct).ConfigureAwait(false);
        return new Hl7QueryOutcome(barcode, qck, dsr);
    }

    /// <summary>Waits for the host's next message (ORM^O01 / OML^O21 worklist), acknowledges it AA and returns it.</summary>
    public async Task<Hl7Message> ReceiveAsync(CancellationToken ct)
    {
        var message = await _client.ReceiveAsync(ct).ConfigureAwait(false);
        _log?.Invoke($"← {message.Type} {message.ControlId}");
        await _client.SendWithoutAckAsync(Hl7Replies.Ack(message), ct).ConfigureAwait(false);
        return message;
    }

    private async Task<IReadOnlyList<Hl7SendOutcome>> SendAsync(Hl7Message message, CancellationToken ct)
    {
        var outcomes = new List<Hl7SendOutcome>();
        for (var copy = 0; copy < (Duplicate ? 2 : 1); copy++)
        {
            if (copy > 0) _log?.Invoke($"fault duplicate: {message.ControlId} sent again");
            _log?.Invoke($"→ {message.Type} {message.ControlId}");
            var response = await _client.SendAsync(message, ct).ConfigureAwait(false);
            var msa = response.First("MSA");
            var outcome = new Hl7SendOutcome(message.ControlId, msa?.Value(1) ?? "", msa?.Value(3) ?? "", response);
            _log?.Invoke($"← {response.Type} {outcome}");
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        if (_owned is not null) await _owned.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>"Connects" by accepting the LIS's connection: the analyser listens (spec §1.5, TCP role varies).</summary>
    private sealed class AcceptingConnector(IByteChannelListener listener) : IByteChannelConnector
    {
        public string Description => listener.Description;

        public ValueTask<IByteChannel> ConnectAsync(CancellationToken ct) => listener.AcceptAsync(ct);
    }
}
