using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hospital.Integration.Hl7;

namespace Hospital.Bench;

/// <summary>
/// HL7 ORU^R01 parse+encode throughput on one core (issue 5 closing note), against python3-hl7 parsing
/// and re-encoding the same messages in the same run. Three .NET cases: parse + encode (what a link
/// does: read MSH, store, ACK), parse + encode + read every field's value (the full tree python builds),
/// and the same through bytes in the message charset. Both sides count CPU seconds of the process
/// (the machine is shared), so the figures are per core.
/// </summary>
public static class Hl7Benchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var script = args.Length > 1 ? args[1] : "bench/hl7_baseline.py";
        var messages = Enumerable.Range(1, 500).Select(n => Encoding.UTF8.GetBytes(Oru(n))).ToArray();
        var averageBytes = messages.Average(m => m.Length);
        Console.WriteLine($"== HL7 ORU^R01 codec, one thread ({Environment.ProcessorCount} cores on this machine), {messages.Length} distinct messages of {averageBytes:F0} bytes (~{Oru(1).Split('\r', StringSplitOptions.RemoveEmptyEntries).Length} segments)");

        var python = Python(messages, seconds, script);
        Console.WriteLine(Row("python3-hl7: hl7.parse + str (baseline)", python, null));

        var output = new byte[1 << 16];
        var lazy = Measure(messages, seconds, bytes =>
        {
            var m = Hl7Message.Parse(bytes);
            if (m.ControlId.Length == 0) throw new InvalidOperationException("no MSH-10");
            return m.EncodeTo(output);
        });
        Console.WriteLine(Row(".NET parse (bytes) + encode (bytes)", lazy, python));

        var full = Measure(messages, seconds, bytes =>
        {
            var m = Hl7Message.Parse(bytes);
            var chars = 0;
            foreach (var segment in m.Segments)
                for (var f = 1; f <= segment.FieldCount; f++)
                    foreach (var rep in segment[f].Repetitions())
                        foreach (var comp in rep.Components())
                            foreach (var sub in comp.Subcomponents())
                                chars += sub.Value.Length;
            return m.EncodeTo(output) + (chars & 0);
        });
        Console.WriteLine(Row(".NET parse + unescape every value + encode", full, python));
        return 0;
    }

    private sealed record Result(long Messages, long Bytes, double Seconds, double AllocatedPerMessage)
    {
        public double PerSecond => Messages / Seconds;
        public double MegabytesPerSecond => Bytes / Seconds / 1e6;
    }

    private static string Row(string name, Result r, Result? baseline) => string.Format(CultureInfo.InvariantCulture,
        "  {0,-46} {1,12:N0} msg/s {2,9:F1} MB/s{3}{4}", name, r.PerSecond, r.MegabytesPerSecond,
        r.AllocatedPerMessage > 0 ? $" {r.AllocatedPerMessage,7:N0} B/msg allocated" : "",
        baseline is null ? "" : $"   ratio {r.PerSecond / baseline.PerSecond,6:F1}x python3-hl7");

    private static Result Measure(byte[][] messages, double seconds, Func<byte[], int> work)
    {
        for (var i = 0; i < 20_000; i++) work(messages[i % messages.Length]); // JIT tiers settle
        long count = 0, bytes = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        // CPU time, not wall time: the machine is shared, and "per core" means per second of one core.
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        while ((CpuSeconds() < seconds) && watch.Elapsed.TotalSeconds < seconds * 20)
        {
            foreach (var m in messages)
            {
                work(m);
                bytes += m.Length;
            }
            count += messages.Length;
        }
        var elapsed = CpuSeconds();
        return new Result(count, bytes, elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count);

        double CpuSeconds()
        {
            process.Refresh();
            return (process.TotalProcessorTime - cpuStart).TotalSeconds;
        }
    }

    private static Result Python(byte[][] messages, double seconds, string script)
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var s = File.Create(file))
                foreach (var m in messages) { s.Write(m); s.WriteByte(0x1C); }
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { script, file, seconds.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"python3-hl7 baseline failed ({p.ExitCode}): {stderr}");
            var parts = stdout.Trim().Split(' ');
            return new Result(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture), 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A haematology ORU^R01 (CBC + differential, Vietnamese names, UTF-8), as an XN-class analyser sends.</summary>
    private static string Oru(int n)
    {
        var sb = new StringBuilder();
        sb.Append($"MSH|^~\\&|XN-350|LAB|LIS|HOSPITAL|20240105101530||ORU^R01^ORU_R01|MSG{n:D6}|P|2.5.1|||ER|AL||UNICODE UTF-8\r");
        sb.Append($"PID|1||PID{n:D6}^^^HOSP^MR||Nguyễn^Văn An^Thị||19850412|F|||12 Lê Lợi^^Huế^^530000^VN\r");
        sb.Append("PV1|1|O|KHAM^101^1||||BS001^Trần^Bình\r");
        sb.Append($"ORC|RE|{240105000 + n}|{n}||CM||||20240105101530\r");
        sb.Append($"OBR|1|{240105000 + n}|{n}|CBC^Complete blood count^L|||20240105095500|||||||20240105100000|BLD|BS001^Trần^Bình||||||20240105101530||HM|F\r");
        string[] tests = ["WBC", "RBC", "HGB", "HCT", "MCV", "MCH", "MCHC", "PLT", "RDW-CV", "RDW-SD", "MPV", "PDW", "PCT", "NEUT#", "LYMPH#", "MONO#", "EO#", "BASO#", "NEUT%", "LYMPH%", "MONO%", "EO%", "BASO%", "IG#"];
        for (var i = 0; i < tests.Length; i++)
            sb.Append(CultureInfo.InvariantCulture, $"OBX|{i + 1}|NM|{6690 + i}-2^{tests[i]}^LN||{(i * 1.37 + 3.2 + n % 7):0.00}|10*3/uL|{i}.00-{i + 10}.00|{(i % 5 == 0 ? "H" : "N")}|||F|||20240105101530||SYSMEX^Op1|AUTO|XN-350^SYSMEX~12345^SN|20240105101500\r");
        sb.Append("NTE|1|L|Mẫu đã kiểm tra\\.br\\lại lần 2 \\T\\ xác nhận|RE\r");
        return sb.ToString();
    }
}
