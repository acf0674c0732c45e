using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Simulators;

/// <summary>
/// Plays the instrument side of ASTM E1381 / LIS2-A2 over any <see cref="IByteChannel"/> (a socat pty, a TCP
/// connection either way): sends results, QC runs and host queries in sessions of its own (ENQ, frames, EOT), takes
/// the host's sessions (query answers, worklists), and injects <see cref="AstmSimulatorFaults"/> on demand. Written as
/// a plain sequence of awaits rather than on <see cref="AstmLinkLayer"/>, because its point is to break the rules the
/// link layer keeps. One caller at a time.
/// </summary>
public sealed partial class AstmAnalyserSimulator : IAsyncDisposable
{
    private readonly SimulatorLine _line;
    private readonly AstmSimulatorTimings _timings;
    private readonly TimeProvider _time;
    private readonly Random _splitRandom;
    private readonly Action<string>? _log;
    private bool _contentionDone;
    private int _naksLeft;

    /// <param name="log">Told what happens, in words (sessions, faults, replies); the CLI prints it.</param>
    /// <param name="trace">Every block written (true) or read (false), e.g. for <see cref="AstmTraceText.Describe"/>.</param>
    public AstmAnalyserSimulator(IByteChannel channel, AstmAnalyserProfile profile, AstmSimulatorFaults? faults = null, AstmSimulatorTimings? timings = null,
        int seed = 1, TimeProvider? time = null, Action<string>? log = null, Action<bool, ReadOnlyMemory<byte>>? trace = null)
    {
        Profile = profile;
        Faults = faults ?? AstmSimulatorFaults.None;
        _timings = timings ?? AstmSimulatorTimings.Standard;
        _time = time ?? TimeProvider.System;
        Generator = new SimulatedResultGenerator(seed);
        _splitRandom = new Random(seed);
        _log = log;
        _naksLeft = Faults.NakHostFrames;
        _line = new SimulatorLine(channel, trace);
    }

    public AstmAnalyserProfile Profile { get; }

    public AstmSimulatorFaults Faults { get; }

    public SimulatedResultGenerator Generator { get; }

    private DateTime Now => _time.GetLocalNow().DateTime;

    /// <summary>Generates results for each barcode (the given test codes, or the whole menu) and sends them, one message per sample, in one session.</summary>
    public Task<AstmSessionReport> SendResultsAsync(IEnumerable<string> barcodes, IReadOnlyCollection<string>? testCodes, CancellationToken ct, string comment = "")
    {
        var tests = Profile.Tests(testCodes);
        return SendSamplesAsync(barcodes.Select(b => Generator.Sample(b, tests, comment)).ToList(), ct);
    }

    /// <summary>Sends a QC run of the profile's control material (O-12 = Q, H-12 = Q).</summary>
    public Task<AstmSessionReport> SendQcAsync(string lot, IReadOnlyCollection<string>? testCodes, CancellationToken ct) =>
        SendSamplesAsync([Generator.QualityControl(Profile.QcMaterial, lot, Profile.Tests(testCodes))], ct);

    public Task<AstmSessionReport> SendSamplesAsync(IReadOnlyList<SimulatedSample> samples, CancellationToken ct)
    {
        var now = Now;
        return SendMessagesAsync(samples.Select(s => AstmSimulatorMessages.Results(Profile, s, now).ToText()).ToList(), ct);
    }

    /// <summary>
    /// Sends E1394 messages (records ending in CR) in one session; with <see cref="AstmSimulatorFaults.DuplicateMessage"/>
    /// a second session sends them all again. The report is the first session's, with the second's frames added.
    /// </summary>
    public async Task<AstmSessionReport> SendMessagesAsync(IReadOnlyList<string> messages, CancellationToken ct)
    {
        if (messages.Count == 0) throw new ArgumentException("Nothing to send.", nameof(messages));
        var report = await SendSessionAsync(messages, ct).ConfigureAwait(false);
        if (Faults.DuplicateMessage && report.Completed)
        {
            _log?.Invoke("fault duplicate-message: sending the same message(s) again in a new session");
            var again = await SendSessionAsync(messages, ct).ConfigureAwait(false);
            report = report with
            {
                FramesSent = report.FramesSent + again.FramesSent,
                FramesResent = report.FramesResent + again.FramesResent,
                NaksReceived = report.NaksReceived + again.NaksReceived,
                Completed = again.Completed,
                Error = again.Error,
            };
        }
        return report;
    }

    /// <summary>Sends a host query for <paramref name="barcode"/> and waits for the host's session with the answer.</summary>
    public async Task<AstmQueryOutcome> QueryAsync(string barcode, CancellationToken ct)
    {
        var sent = await SendSessionAsync([AstmSimulatorMessages.Query(Profile, barcode, Now).ToText()], ct).ConfigureAwait(false);
        if (!sent.Completed) return new AstmQueryOutcome(barcode, sent, null);
        var text = await ReceiveSessionAsync(_timings.QueryAnswerTimeout, ct).ConfigureAwait(false);
        if (text is null) return new AstmQueryOutcome(barcode, sent, null);
        var answers = AstmMessageReader.ReadAll(text);
        return new AstmQueryOutcome(barcode, sent, answers.Count > 0 ? answers[0] : null);
    }

    /// <summary>Waits up to <paramref name="wait"/> for the host to open a session (worklist, orders) and returns its messages; empty when none came.</summary>
    /// <exception cref="AstmFormatException">the host's records are out of order or unreadable.</exception>
    public async Task<IReadOnlyList<AstmMessage>> ReceiveAsync(TimeSpan wait, CancellationToken ct)
    {
        var text = await ReceiveSessionAsync(wait, ct).ConfigureAwait(false);
        return text is null ? [] : AstmMessageReader.ReadAll(text);
    }

    /// <summary>Frames of one session: each record starts a frame, long records continue in ETB frames (240 characters of text each).</summary>
    private List<byte[]> Plan(IReadOnlyList<string> messages)
    {
        var frames = new List<byte[]>();
        foreach (var message in messages)
        {
            var records = message.Split('\r', StringSplitOptions.RemoveEmptyEntries);
            for (var r = 0; r < records.Length; r++)
            {
                var record = Encoding.Latin1.GetBytes(records[r] + "\r");
                for (var start = 0; start < record.Length; start += AstmFrame.ClassicMaxText)
                {
                    var length = Math.Min(AstmFrame.ClassicMaxText, record.Length - start);
                    var lastOfRecord = start + length == record.Length;
                    var isEnd = lastOfRecord && (Profile.EndFramePerRecord || r == records.Length - 1);
                    frames.Add(AstmFrame.Encode((frames.Count + 1) % 8, record.AsSpan(start, length), isEnd));
                }
            }
        }
        return frames;
    }

    public ValueTask DisposeAsync() => _line.DisposeAsync();
}
