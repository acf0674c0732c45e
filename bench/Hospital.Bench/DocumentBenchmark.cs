using System.Diagnostics;
using System.Security.Cryptography;
using Hospital.Emr.Documents;

namespace Hospital.Bench;

/// <summary>
/// Issue 4: render + sign throughput of the exam record PDF on one core (one thread), against two
/// baselines of the same run: rendering alone, and the bare cryptography of a signature (SHA-256 of
/// a buffer the size of the signed PDF plus one RSA-2048 signature), so the ratios show where the
/// time goes.
/// </summary>
public static class DocumentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        Console.WriteLine($"== Clinical document benchmark: {count} exam records, one thread ({Environment.ProcessorCount} cores)");
        Hospital.Emr.Pdf.PdfSetup.Initialize();
        await ExamRecordBench.RenderAndSignAsync(5); // warm-up: JIT, fonts
        var signed = await ExamRecordBench.RenderAndSignAsync(count);
        var rendered = await ExamRecordBench.RenderOnlyAsync(count);
        var crypto = CryptoBaseline(count, (int)(signed.TotalBytes / Math.Max(1, signed.Documents)));
        Row("render + sign", signed.MillisecondsPerDocument, crypto);
        Row("render only", rendered.MillisecondsPerDocument, crypto);
        Row("baseline: SHA-256 + RSA-2048 sign", crypto, null);
        Console.WriteLine($"  signed PDF size {signed.TotalBytes / signed.Documents / 1024.0:F0} KiB; {1000 / signed.MillisecondsPerDocument:F1} documents/s per core");
        return 0;
    }

    private static void Row(string name, double ms, double? baseline) =>
        Console.WriteLine($"  {name,-36} {ms,8:F2} ms/doc {1000 / ms,8:F1} doc/s" + (baseline is { } b ? $"  ({ms / b:F1}× baseline)" : ""));

    private static double CryptoBaseline(int count, int size)
    {
        using var key = RSA.Create(2048);
        var buffer = new byte[size];
        RandomNumberGenerator.Fill(buffer);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            key.SignHash(SHA256.HashData(buffer), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return watch.Elapsed.TotalMilliseconds / count;
    }
}
