using System.Diagnostics;
using Hospital.Domain.Data;
using Hospital.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Claim benchmark (issue 6): build + validate + sign the claims of N generated episodes on
/// PostgreSQL, streaming in batches through <see cref="ClaimBuilder.BuildAllAsync"/>, the path of
/// the monthly run. Baseline in the same run: streaming the same episodes through the loader alone
/// (the database reads and the coverage split), so the ratio shows what building, validating and
/// signing the XML add. Memory: the managed heap after every tenth of the run (flat when nothing is
/// held) and the process's peak working set.
/// Usage: Hospital.Bench claims PROVIDER CONNECTION DATA_DIR [EPISODES]
/// </summary>
public static class ClaimBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (provider, connection, dataDir) = (args[0], args[1], args[2]);
        var episodes = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        Console.WriteLine($"== Claim benchmark on {provider}: {episodes:N0} episodes ({Environment.ProcessorCount} cores)");
        await using var app = await BenchHost.StartAsync(provider, connection, dataDir);
        var watch = Stopwatch.StartNew();
        await ClaimEpisodeGenerator.LoadAsync(app.Services, episodes, new DateOnly(2026, 10, 1), Console.Out);
        Console.WriteLine($"  generated in {watch.Elapsed.TotalSeconds:F0} s");

        List<int> ids;
        using (var scope = app.Services.CreateScope())
            ids = await scope.ServiceProvider.GetRequiredService<HospitalDbContext>().Database
                .SqlQueryRaw<int>("SELECT id AS \"Value\" FROM visits WHERE code LIKE 'KCL%' ORDER BY id").ToListAsync();
        Console.WriteLine($"  {ids.Count:N0} visits to claim");

        // Warm-up on a small slice so JIT and the certificate load are not in either measurement.
        await RunPassAsync(app.Services, ids.Take(1000).ToList(), build: true, report: false);

        var load = await RunPassAsync(app.Services, ids, build: false, report: true);
        Console.WriteLine($"  baseline, load only:            {load.PerSecond,9:N0} episodes/s ({load.Lines:N0} lines, {load.Seconds:F1} s)");
        var full = await RunPassAsync(app.Services, ids, build: true, report: true);
        Console.WriteLine($"  load + validate + build + sign: {full.PerSecond,9:N0} episodes/s ({full.Seconds:F1} s) = {full.Seconds / load.Seconds:F2}× the load-only time");
        Console.WriteLine($"    {full.Valid:N0} valid and signed, {full.Invalid:N0} invalid; {full.Bytes / 1024.0 / 1024.0:F0} MiB of signed XML");
        Console.WriteLine($"  managed heap during the run (MiB): {string.Join(" ", full.HeapSamples.Select(h => (h / 1024.0 / 1024.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
        return 0;
    }

    private sealed record Pass(double Seconds, int Episodes, long Lines, int Valid, int Invalid, long Bytes, IReadOnlyList<long> HeapSamples)
    {
        public double PerSecond => Episodes / Seconds;
    }

    private static async Task<Pass> RunPassAsync(IServiceProvider services, IReadOnlyList<int> ids, bool build, bool report)
    {
        using var scope = services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<ClaimBuilder>();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var tenth = Math.Max(1, ids.Count / 10);
        var heap = new List<long>();
        var (episodes, lines, valid, invalid, bytes) = (0, 0L, 0, 0, 0L);
        var watch = Stopwatch.StartNew();
        if (build)
        {
            await foreach (var built in builder.BuildAllAsync(Ids(ids), "bench"))
            {
                episodes++;
                lines += built.Lines.Count;
                if (built.Claim.SignedXml is { } xml) { valid++; bytes += xml.Length; }
                else if (invalid++ == 0 && report)
                    // Generated data should all be valid; the first refusal says what the generator got wrong.
                    Console.WriteLine($"    first invalid claim {built.Claim.MaLk}: {string.Join(" | ", built.Errors.Take(5).Select(e => $"{e.Table}.{e.Field}: {e.Message}"))}");
                if (report && episodes % tenth == 0) heap.Add(GC.GetTotalMemory(false));
            }
        }
        else
        {
            await foreach (var episode in builder.Loader.StreamAsync(Ids(ids), ClaimEpisodeLoader.DefaultBatchSize, default))
            {
                episodes++;
                lines += episode.Drugs.Count + episode.Services.Count;
                if (report && episodes % tenth == 0) heap.Add(GC.GetTotalMemory(false));
            }
        }
        return new Pass(watch.Elapsed.TotalSeconds, episodes, lines, valid, invalid, bytes, heap);
    }

    private static async IAsyncEnumerable<int> Ids(IReadOnlyList<int> ids)
    {
        foreach (var id in ids) yield return id;
        await Task.CompletedTask;
    }
}
