using System.Diagnostics;
using Hospital.Integration.Astm;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport.Serial;
using Hospital.Tests.Infrastructure;
using Hospital.Tools.AnalyserSimulator;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The simulator's command line: parsed in-process, mistakes refused by name, and one real run of the tool.</summary>
public class SimulatorCommandLineTests
{
    private static SimulatorOptions Parse(string line) => SimulatorCommandLine.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_README_serial_example_parses_into_ten_numbered_barcodes_and_the_fault()
    {
        var o = Parse("astm --device /tmp/lis/analyser --baud 9600 --results 10 --barcodes 260000001,260000002 --fault bad-checksum:2");

        Assert.Equal((SimulatorProtocol.Astm, SimulatorConnection.Serial, "haematology"), (o.Protocol, o.Connection, o.Profile));
        Assert.Equal(new SerialSettings("/tmp/lis/analyser", 9600, Exclusive: false), o.Serial);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"2600000{i:00}"), o.Barcodes);
        Assert.Equal((2, 1), (o.AstmFaults.BadChecksumFrame, o.AstmFaults.BadChecksumAttempts));
        Assert.Equal(6, Parse("astm --listen 1 --fault bad-checksum:2:6").AstmFaults.BadChecksumAttempts);
    }

    [Fact]
    public void TCP_HL7_query_and_several_faults_parse()
    {
        var astm = Parse("astm --tcp 127.0.0.1:5200 --profile chemistry --tests GLU,CREA --fault split:5 --fault nak:2 --fault contention --query 260000009");
        Assert.Equal((SimulatorConnection.TcpClient, "127.0.0.1", 5200), (astm.Connection, astm.Host, astm.Port));
        Assert.Equal(["GLU", "CREA"], astm.Tests);
        Assert.Equal((TimeSpan.FromMilliseconds(5), 2, true), (astm.AstmFaults.SplitFrames!.Value, astm.AstmFaults.NakHostFrames, astm.AstmFaults.Contention));
        Assert.Equal("260000009", astm.QueryBarcode);
        Assert.Empty(astm.Barcodes); // a query alone sends no results

        var hl7 = Parse("hl7 --host 127.0.0.1 --port 5100 --barcodes A7 --results 3 --fault duplicate --qc LOT1");
        Assert.Equal((SimulatorProtocol.Hl7, "mindray-bs", true, "LOT1"), (hl7.Protocol, hl7.Profile, hl7.Hl7Duplicate, hl7.QcLot));
        Assert.Equal(["A7", "A8", "A9"], hl7.Barcodes);

        Assert.Equal(["260000001"], Parse("astm --listen 5200").Barcodes);
    }

    [Theory]
    [InlineData("", "astm or hl7")]
    [InlineData("serial --device /x", "astm or hl7")]
    [InlineData("astm --results 2", "Say where the LIS is")]
    [InlineData("astm --device /x --tcp h:1", "Choose one connection")]
    [InlineData("astm --device /x --baud 9601", "Baud 9601")]
    [InlineData("astm --device /x --parity mark", "Parity")]
    [InlineData("astm --tcp localhost", "HOST:PORT")]
    [InlineData("astm --tcp h:70000", "not a port number")]
    [InlineData("astm --tcp h:1 --baud 9600", "--device (serial) only")]
    [InlineData("astm --tcp h:1 --fault bad-checksum", "needs a number")]
    [InlineData("astm --tcp h:1 --fault wobble", "Unknown fault")]
    [InlineData("astm --tcp h:1 --fault bad-checksum:1:2:3", "bad-checksum:FRAME:TIMES")]
    [InlineData("astm --tcp h:1 --fault contention:3", "takes no number")]
    [InlineData("astm --tcp h:1 --tests WBC,XYZ", "not on the haematology menu")]
    [InlineData("astm --tcp h:1 --profile urine", "Unknown ASTM profile")]
    [InlineData("astm --tcp h:1 --results 1 --barcodes A1,A2", "fewer than the 2 barcodes")]
    [InlineData("astm --tcp h:1 --barcodes A1,A1", "given twice")]
    [InlineData("astm --tcp h:1 --results zero", "not a whole number")]
    [InlineData("astm --tcp h:1 --seed", "needs a value")]
    [InlineData("astm --tcp h:1 --wat 1", "Unknown option --wat")]
    [InlineData("astm --tcp h:1 --seed 1 --seed 2", "given twice")]
    [InlineData("hl7 --device /dev/ttyS0", "HL7 runs over TCP")]
    [InlineData("hl7 --host h", "both --host and --port")]
    [InlineData("hl7 --host h --port 1 --fault nak:1", "only the fault \"duplicate\"")]
    public void Bad_command_lines_are_refused_with_the_reason(string line, string reason)
    {
        var e = Assert.Throws<SimulatorUsageException>(() => Parse(line));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task The_tool_run_as_a_process_sends_results_over_TCP_and_exits_0()
    {
        await using var host = await SimulatorHostListening.StartAsync();
        var tool = ToolPath();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { tool, "astm", "--tcp", $"127.0.0.1:{host.Port}", "--profile", "chemistry", "--results", "2", "--barcodes", "260000301", "--tests", "GLU,UREA", "--timeout", "60" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(host.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await output} {await errors}");
        Assert.Contains("completed", await output);
        await host.Host.WaitUntilAsync(_ => host.Host.Messages().Count == 2);
        Assert.Equal(["260000301", "260000302"], host.Host.Messages().Select(m => m.Patients[0].Orders[0].Order.SpecimenId));
    }

    private static string ToolPath() => BuiltProgram.Dll(Path.Combine("tools", "AnalyserSimulator"), "AnalyserSimulator.dll");

    [Fact]
    public async Task The_runner_reports_a_host_that_never_answers_with_exit_code_1()
    {
        // A host that accepts the connection and then says nothing: the simulator's ENQ times out.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            var options = Parse($"astm --tcp 127.0.0.1:{port} --results 1 --timeout 2 --quiet");
            var output = new StringWriter();
            var accepting = listener.AcceptTcpClientAsync();
            var exit = await new SimulatorRunner(options, output).RunAsync(CancellationToken.None);
            using var _ = await accepting;
            Assert.Equal(SimulatorRunner.HostProblem, exit);
            Assert.Contains("gave up", output.ToString());
        }
        finally { listener.Stop(); }
    }

    [Fact]
    public async Task The_runner_reports_a_LIS_that_never_connects_with_exit_code_3()
    {
        var options = Parse("astm --listen 5999 --results 1 --timeout 1 --quiet") with { Port = 0 }; // any free port
        var output = new StringWriter();

        var exit = await new SimulatorRunner(options, output).RunAsync(CancellationToken.None);

        Assert.Equal(SimulatorRunner.ConnectionFailed, exit);
        Assert.Contains("no connection", output.ToString());
    }
}

/// <summary>A host link layer listening on a loopback port for the tool to connect to.</summary>
internal sealed class SimulatorHostListening : IAsyncDisposable
{
    private readonly Hospital.Integration.Transport.TcpServerChannel _listener = new(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(90));
    private Task? _run;
    private readonly List<AstmLinkEvent> _events = [];

    public int Port => _listener.LocalEndPoint.Port;

    public CancellationToken Token => _stop.Token;

    public HostView Host { get; private set; } = null!;

    public static Task<SimulatorHostListening> StartAsync()
    {
        var h = new SimulatorHostListening();
        h.Host = new HostView(h);
        h._run = Task.Run(async () =>
        {
            var channel = await h._listener.AcceptAsync(h._stop.Token);
            await using var session = new AstmLinkSession(channel);
            var run = session.RunAsync(h._stop.Token);
            await foreach (var e in session.Events.ReadAllAsync(h._stop.Token)) lock (h._events) h._events.Add(e);
            await run;
        });
        return Task.FromResult(h);
    }

    public sealed class HostView(SimulatorHostListening owner)
    {
        public IReadOnlyList<Hospital.Integration.Astm.Records.AstmMessage> Messages()
        {
            List<string> texts;
            lock (owner._events) texts = owner._events.OfType<AstmMessageReceived>().Select(m => m.Text).ToList();
            var assembler = new Hospital.Integration.Astm.Records.AstmMessageAssembler();
            return texts.SelectMany(assembler.Add).ToList();
        }

        public async Task WaitUntilAsync(Func<object?, bool> done)
        {
            while (!done(null))
            {
                owner._stop.Token.ThrowIfCancellationRequested();
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { if (_run is not null) await _run; } catch (OperationCanceledException) { }
        await _listener.DisposeAsync();
        _stop.Dispose();
    }
}
