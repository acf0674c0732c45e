using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hospital.Bench;

/// <summary>The chart benchmark's command line: load a long history, then time opening the chart.</summary>
public static class ChartRun
{
    private const int OtherPatients = 200;
    private const int OtherVisits = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: Hospital.Bench chart PostgreSQL|Sqlite CONNECTION_STRING DATA_DIRECTORY [VISITS=200] [RUNS=200]");
            return 2;
        }
        var (provider, connection, dataDir) = (args[0], args[1], args[2]);
        var visits = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        var runs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 200;
        Console.WriteLine($"== Chart benchmark on {provider}: one patient with {visits} past visits among {OtherPatients} with {OtherVisits} each; {runs} runs ({Environment.ProcessorCount} cores)");
        var url = $"http://127.0.0.1:{FreePort()}";
        var watch = Stopwatch.StartNew();
        await using var app = await BenchHost.StartAsync(provider, connection, dataDir, url);
        Console.WriteLine($"  migrated and seeded catalogs in {watch.Elapsed.TotalSeconds:F0} s; loading visit histories...");
        watch.Restart();
        var patientId = await ChartHistoryLoader.LoadAsync(app.Services, visits, OtherPatients, OtherVisits, Console.Out);
        Console.WriteLine($"  loaded in {watch.Elapsed.TotalSeconds:F0} s (each visit: exam, vitals, 3 orders with results, a prescription, 2 signed documents of {ChartHistoryLoader.DocumentBytes:N0} dummy bytes, not read by the chart)");
        var outcome = await ChartBenchmark.RunAsync(app.Services, patientId, runs, url, BenchHost.Password);
        Console.WriteLine($"  open chart (first page: {outcome.Visits} visits, {outcome.Documents} documents shown):");
        foreach (var row in outcome.Measured) Console.WriteLine(row.Row(outcome.Baseline));
        Console.WriteLine(outcome.Baseline.Row(null));
        await app.StopAsync();
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
