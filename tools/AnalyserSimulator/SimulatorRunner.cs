using System.Net;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tools.AnalyserSimulator;

/// <summary>Runs what <see cref="SimulatorOptions"/> asks for and returns the exit code (0 done, 1 host problem, 3 no connection).</summary>
public sealed class SimulatorRunner(SimulatorOptions options, TextWriter output)
{
    public const int Done = 0, HostProblem = 1, UsageError = 2, ConnectionFailed = 3;

    private bool _connected;

    private void Say(string line)
    {
        if (!options.Quiet) output.WriteLine(line);
    }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Timeout);
        try
        {
            return options.Protocol == SimulatorProtocol.Astm ? await RunAstmAsync(limit.Token) : await RunHl7Async(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            output.WriteLine(_connected ? $"gave up after {options.Timeout.TotalSeconds:0} s (--timeout)" : $"no connection within {options.Timeout.TotalSeconds:0} s (--timeout)");
            return _connected ? HostProblem : ConnectionFailed;
        }
    }

    private async Task<int> RunAstmAsync(CancellationToken ct)
    {
        IByteChannel channel;
        try { channel = await OpenAstmChannelAsync(ct); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException or InvalidOperationException)
        {
            output.WriteLine($"cannot open the connection: {e.Message}");
            return ConnectionFailed;
        }
        _connected = true;
        Say($"ASTM {options.Profile} on {channel.Description}");
        var profile = AstmAnalyserProfile.Named(options.Profile);
        Action<bool, ReadOnlyMemory<byte>>? trace = options.Trace ? (outgoing, bytes) => output.WriteLine($"{(outgoing ? "→" : "←")} {AstmTraceText.Describe(bytes.Span)}") : null;
        await using var sim = new AstmAnalyserSimulator(channel, profile, options.AstmFaults, seed: options.Seed, log: Say, trace: trace);
        var exit = Done;
        if (options.Barcodes.Count > 0)
        {
            var comment = options.CommentLength > 0 ? CommentText(options.CommentLength) : "";
            var report = await sim.SendResultsAsync(options.Barcodes, options.Tests, ct, comment);
            output.WriteLine($"results for {options.Barcodes.Count} sample(s): {report}");
            if (!report.Completed) exit = HostProblem;
        }
        if (options.QcLot is { } lot)
        {
            var report = await sim.SendQcAsync(lot, options.Tests, ct);
            output.WriteLine($"QC {profile.QcMaterial} lot {lot}: {report}");
            if (!report.Completed) exit = HostProblem;
        }
        if (options.QueryBarcode is { } barcode)
        {
            var outcome = await sim.QueryAsync(barcode, ct);
            output.WriteLine(outcome.ToString());
            if (outcome.Answer is null) exit = HostProblem;
        }
        if (options.ReceiveFor is { } wait)
        {
            var until = DateTimeOffset.UtcNow + wait;
            var received = 0;
            while (DateTimeOffset.UtcNow < until)
            {
                var messages = await sim.ReceiveAsync(until - DateTimeOffset.UtcNow, ct);
                foreach (var m in messages)
                {
                    received++;
                    foreach (var (_, order) in m.Patients.SelectMany(p => p.Orders.Select(o => (p, o))))
                        output.WriteLine($"worklist: {order.Order.SpecimenId} {string.Join(",", order.Order.Tests.Select(t => t.Code))} (report type {order.Order.ReportType})");
                }
                if (messages.Count == 0) break;
            }
            output.WriteLine($"received {received} message(s) from the host");
        }
        return exit;
    }

    private async Task<IByteChannel> OpenAstmChannelAsync(CancellationToken ct)
    {
        switch (options.Connection)
        {
            case SimulatorConnection.Serial:
                return SerialPortChannel.Open(options.Serial!);
            case SimulatorConnection.TcpClient:
                return await new TcpClientChannel(options.Host, options.Port, new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(200), Maximum = TimeSpan.FromSeconds(5) },
                    clock: null) { OnAttemptFailed = (e, delay) => Say($"connect failed ({e.Message}); retrying in {delay.TotalSeconds:0.#} s") }.ConnectAsync(ct);
            default:
                await using (var listener = new TcpServerChannel(options.Port))
                {
                    Say($"listening on port {listener.LocalEndPoint.Port} for the LIS");
                    return await listener.AcceptAsync(ct);
                }
        }
    }

    private async Task<int> RunHl7Async(CancellationToken ct)
    {
        var profile = Hl7AnalyserProfile.Named(options.Profile);
        // The MLLP wait for a message from the host is the ACK timeout: stretch it over the --receive window.
        var mllp = new Hospital.Integration.Mllp.MllpOptions
        {
            SendAttempts = 1,
            AckTimeout = options.ReceiveFor is { } receiveFor && receiveFor > TimeSpan.FromSeconds(30) ? receiveFor : TimeSpan.FromSeconds(30),
        };
        Hl7AnalyserSimulator sim;
        try
        {
            sim = options.Connection == SimulatorConnection.TcpServer
                ? Hl7AnalyserSimulator.Listening(new TcpServerChannel(new IPEndPoint(IPAddress.Any, options.Port)), profile, options.Seed, options.Hl7Duplicate, mllp, log: Say)
                : Hl7AnalyserSimulator.ToHost(options.Host, options.Port, profile, options.Seed, options.Hl7Duplicate, mllp, log: Say);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            output.WriteLine($"cannot listen on port {options.Port}: {e.Message}");
            return ConnectionFailed;
        }
        Say($"HL7 {profile.Name} {(options.Connection == SimulatorConnection.TcpServer ? $"listening on port {options.Port}" : $"to {options.Host}:{options.Port}")}");
        await using var _ = sim;
        _connected = true; // MLLP connects on first use; its failures are reported as host problems below
        var exit = Done;
        try
        {
            if (options.Barcodes.Count > 0)
            {
                var outcomes = await sim.SendResultsAsync(options.Barcodes, options.Tests, ct);
                var refused = outcomes.Count(o => !o.Accepted);
                output.WriteLine($"results for {options.Barcodes.Count} sample(s): {outcomes.Count - refused} accepted, {refused} refused");
                foreach (var o in outcomes.Where(o => !o.Accepted)) output.WriteLine($"  refused {o}");
                if (refused > 0) exit = HostProblem;
            }
            if (options.QcLot is { } lot)
            {
                var outcomes = await sim.SendQcAsync("CTRL-Normal", lot, options.Tests, ct);
                output.WriteLine($"QC lot {lot}: {string.Join("; ", outcomes)}");
                if (outcomes.Any(o => !o.Accepted)) exit = HostProblem;
            }
            if (options.QueryBarcode is { } barcode) output.WriteLine((await sim.QueryAsync(barcode, ct)).ToString());
            if (options.ReceiveFor is { } wait)
            {
                using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
                window.CancelAfter(wait);
                var received = 0;
                try
                {
                    while (true)
                    {
                        var m = await sim.ReceiveAsync(window.Token);
                        received++;
                        output.WriteLine($"worklist: {m.Type} {m.ControlId}");
                    }
                }
                catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested)) { }
                output.WriteLine($"received {received} message(s) from the host");
            }
        }
        catch (Exception e) when (e is Hospital.Integration.Mllp.MllpAckTimeoutException or TimeoutException or Hospital.Integration.Mllp.MllpConnectionException)
        {
            output.WriteLine($"host problem: {e.Message}");
            return HostProblem;
        }
        return exit;
    }

    /// <summary>Readable filler for --comment-length: words, no delimiters.</summary>
    public static string CommentText(int length)
    {
        const string words = "Sample re-run after dilution; morphology reviewed on smear; platelet clumps not seen; result confirmed. ";
        var text = string.Concat(Enumerable.Repeat(words, length / words.Length + 1));
        return text[..length].TrimEnd() is { Length: > 0 } t ? t.PadRight(length, '.') : new string('.', length);
    }
}
