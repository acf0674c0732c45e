using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Bench;

/// <summary>
/// ASTM throughput on one thread (issue 5 closing note): frames/s through the E1381 link layer, records parsed/s by
/// the E1394 reader, each with a baseline over the same bytes in the same run (checksum-only frame validation;
/// naive string.Split of the records), and the CPU an idle serial session costs. bench/astm.sh runs it.
/// </summary>
public static class AstmBenchmark
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(TextWriter output)
    {
        var text = HaematologyMessage();
        var records = text.Split('\r', StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine($"== ASTM benchmark ({Environment.ProcessorCount} cores, one thread); message: {records} records, {text.Length} characters");

        // The analyser's side of one session, recorded once: ENQ, frames, EOT (the LIS's ACKs answer them).
        var (wire, frames) = RecordSession(text);
        var frameBytes = frames.Sum(f => f.Length);
        output.WriteLine($"  one session: {frames.Count} frames, {frameBytes} bytes of frames");

        var receive = Measure(() =>
        {
            var lis = new AstmLinkLayer(new AstmLinkOptions());
            lis.OnBytes(wire);
            lis.ConsumeOutput();
            while (lis.TryTakeEvent(out _)) { }
        });
        var bothEnds = Measure(() =>
        {
            var analyser = new AstmLinkLayer(new AstmLinkOptions { Role = AstmLinkRole.Instrument });
            var lis = new AstmLinkLayer(new AstmLinkOptions());
            analyser.Enqueue(text);
            while (!analyser.PendingOutput.IsEmpty)
            {
                lis.OnBytes(analyser.PendingOutput.Span);
                analyser.ConsumeOutput();
                analyser.OnBytes(lis.PendingOutput.Span);
                lis.ConsumeOutput();
            }
            while (lis.TryTakeEvent(out _)) { }
            while (analyser.TryTakeEvent(out _)) { }
        });
        var checksumOnly = Measure(() =>
        {
            foreach (var f in frames)
            {
                var sum = AstmChecksum.Compute(f.AsSpan(1, f.Length - 5));
                if (!AstmChecksum.TryParseHex(f.AsSpan(f.Length - 4, 2), out var declared) || declared != sum) throw new InvalidOperationException("bad frame");
            }
        });
        Row(output, "link layer, LIS receiving (frames checked, ACKed, reassembled)", receive, frames.Count, frameBytes, checksumOnly);
        Row(output, "link layer, analyser and LIS ends together (send + receive)", bothEnds, frames.Count, frameBytes, checksumOnly);
        Row(output, "baseline: checksum check of the same frames only", checksumOnly, frames.Count, frameBytes, null);

        var parse = Measure(() => AstmMessage.Parse(text));
        var split = Measure(() =>
        {
            var fields = 0;
            foreach (var record in text.Split('\r', StringSplitOptions.RemoveEmptyEntries)) fields += record.Split('|').Length;
            if (fields == 0) throw new InvalidOperationException();
        });
        output.WriteLine();
        RecordRow(output, "E1394 reader (records typed into H→P→O→R→C tree)", parse, records, text.Length, split);
        RecordRow(output, "baseline: string.Split on CR then |", split, records, text.Length, null);

        output.WriteLine();
        await IdleSessionCpuAsync(output);
        return 0;
    }

    private sealed record Rate(double PerSecond, long Iterations);

    private static Rate Measure(Action work)
    {
        for (var i = 0; i < 200; i++) work(); // JIT and caches
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed < Duration)
        {
            for (var i = 0; i < 50; i++) work();
            n += 50;
        }
        return new Rate(n / watch.Elapsed.TotalSeconds, n);
    }

    private static void Row(TextWriter output, string name, Rate rate, int framesPerRun, int bytesPerRun, Rate? baseline)
    {
        var fps = rate.PerSecond * framesPerRun;
        var mbps = rate.PerSecond * bytesPerRun / 1e6;
        var ratio = baseline is null ? "" : $"  ({rate.PerSecond / baseline.PerSecond:0.00}× the baseline's speed)";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-66} {fps,12:N0} frames/s {mbps,8:N1} MB/s{ratio}"));
    }

    private static void RecordRow(TextWriter output, string name, Rate rate, int recordsPerRun, int charsPerRun, Rate? baseline)
    {
        var ratio = baseline is null ? "" : $"  ({rate.PerSecond / baseline.PerSecond:0.00}× the baseline's speed)";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-66} {rate.PerSecond * recordsPerRun,12:N0} records/s {rate.PerSecond,8:N0} messages/s {rate.PerSecond * charsPerRun / 1e6,6:N1} MB/s{ratio}"));
    }

    /// <summary>Runs the analyser end once against a LIS end, keeping the analyser's bytes.</summary>
    private static (byte[] Wire, List<byte[]> Frames) RecordSession(string text)
    {
        var analyser = new AstmLinkLayer(new AstmLinkOptions { Role = AstmLinkRole.Instrument });
        var lis = new AstmLinkLayer(new AstmLinkOptions());
        var wire = new List<byte>();
        var frames = new List<byte[]>();
        analyser.Enqueue(text);
        while (!analyser.PendingOutput.IsEmpty)
        {
            var bytes = analyser.TakeOutput();
            wire.AddRange(bytes);
            if (bytes[0] == AstmControl.Stx) frames.Add(bytes);
            lis.OnBytes(bytes);
            analyser.OnBytes(lis.TakeOutput());
        }
        return (wire.ToArray(), frames);
    }

    /// <summary>CPU time of a session on a socat pty with nothing to say, over 10 s.</summary>
    private static async Task IdleSessionCpuAsync(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("astm-bench-").FullName;
        var (a, b) = (Path.Combine(folder, "lis"), Path.Combine(folder, "analyser"));
        Process? socat = null;
        try
        {
            socat = Process.Start(new ProcessStartInfo("socat") { ArgumentList = { "-d", "-d", $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}" }, RedirectStandardError = true });
            for (var i = 0; i < 500 && !(File.Exists(a) && File.Exists(b)); i++) await Task.Delay(20);
            if (socat is null || !File.Exists(a)) { output.WriteLine("  idle session: socat not available, skipped"); return; }
            await using var session = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(a)));
            using var stop = new CancellationTokenSource();
            var run = session.RunAsync(stop.Token);
            await Task.Delay(1000);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(10));
            process.Refresh();
            var cpu = process.TotalProcessorTime - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  idle serial session (whole process): {cpu.TotalMilliseconds:0} ms CPU in {watch.Elapsed.TotalSeconds:0} s = {100 * cpu.TotalMilliseconds / watch.Elapsed.TotalMilliseconds:0.000}% of one core"));
            await stop.CancelAsync();
            await run;
        }
        finally
        {
            if (socat is { HasExited: false }) { socat.Kill(); await socat.WaitForExitAsync(); }
            socat?.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A Sysmex-style CBC: H, P, O, 40 R, a 600-character C, L.</summary>
    private static string HaematologyMessage()
    {
        var sb = new StringBuilder();
        sb.Append("H|\\^&|||XN-1000^00-22^13126||||||||E1394-97|20261122080000\r");
        sb.Append("P|1|||BN0042|^Nguyen^Thi Lan||19850412|F\r");
        sb.Append("O|1||^^     2611220001^B|^^^^WBC\\^^^^RBC\\^^^^HGB|||||||N||||||||||||||F\r");
        for (var i = 1; i <= 40; i++)
            sb.Append(CultureInfo.InvariantCulture, $"R|{i}|^^^^T{i:00}^1|{1.5 + i * 0.37:0.00}|10*3/uL||{(i % 7 == 0 ? "H" : "N")}||||SYSMEX||20261122075930\r");
        sb.Append("C|1|I|").Append(string.Concat(Enumerable.Repeat("note text ", 60))).Append("|G\r");
        sb.Append("L|1|N\r");
        return sb.ToString();
    }
}
