using System.Diagnostics;
using System.Globalization;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.StockReports;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Pharmacy benchmark (issue 7) on PostgreSQL.
/// (b) The monthly stock report over a generated year of ledger rows: last month and a month six
/// months back, all stores and one store, by drug, by lot and the controlled-drug report; baseline
/// in the same run: count(*) and sum(quantity) over the same month's rows (the least any report of
/// the month must read).
/// (a) Dispensations per second with 10 pharmacists in parallel over generated signed prescriptions
/// and dispensary stock, against one pharmacist in the same run (see <see cref="DispensingRun"/>).
/// Usage: Hospital.Bench pharmacy PROVIDER CONNECTION DATA_DIR [LEDGER_ROWS] [PRESCRIPTIONS]
/// </summary>
public static class PharmacyBenchmark
{
    private const int Runs = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var (provider, connection, dataDir) = (args[0], args[1], args[2]);
        var rows = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000_000;
        var prescriptions = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3_000;
        Console.WriteLine($"== Pharmacy benchmark on {provider}: {rows:N0} ledger rows over a year, {prescriptions:N0} prescriptions ({Environment.ProcessorCount} cores)");
        await using var app = await BenchHost.StartAsync(provider, connection, dataDir);
        var watch = Stopwatch.StartNew();
        await PharmacyLedgerGenerator.YearAsync(app.Services, rows, DateTime.UtcNow, Console.Out);
        Console.WriteLine($"  generated in {watch.Elapsed.TotalSeconds:F0} s");
        await ReportsAsync(app.Services);

        Console.WriteLine("  dispensing:");
        await DispensingRun.RunAsync(app.Services, prescriptions, Console.Out);
        return 0;
    }

    private static async Task ReportsAsync(IServiceProvider services)
    {
        var today = VietnamTime.Today(TimeProvider.System);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var stock = scope.ServiceProvider.GetRequiredService<MonthlyStock>();
        var main = await db.Set<Store>().AsNoTracking().SingleAsync(s => s.Code == "KHO-CHINH");
        Console.WriteLine($"  monthly stock report (median of {Runs} runs, after one warm-up):");
        foreach (var month in new[] { lastMonth, lastMonth.AddMonths(-5) })
            foreach (var store in new Store?[] { null, main })
            {
                var period = month.Year * 100 + month.Month;
                var (baseline, scanned) = await TimeAsync(() => ScanAsync(db, month, store));
                var where = $"{month:yyyy-MM}, {(store is null ? "all stores" : store.Code)}";
                Console.WriteLine($"    {where,-22} baseline count+sum of the month's {scanned:N0} rows: {baseline,8:F1} ms");
                foreach (var (what, byLot, controlled) in new[] { ("by drug", false, false), ("by lot", true, false), ("controlled drugs", false, true) })
                {
                    var (ms, lines) = await TimeAsync(async () => (await stock.ReportAsync(period, store, byLot, controlled)).Rows.Count);
                    Console.WriteLine($"    {where,-22} report {what,-16} {lines,6:N0} lines: {ms,8:F1} ms = {ms / baseline,5:F1}× baseline");
                }
            }
    }

    private static async Task<long> ScanAsync(HospitalDbContext db, DateOnly month, Store? store)
    {
        var from = VietnamTime.StartOfDayUtc(month);
        var to = VietnamTime.StartOfDayUtc(month.AddMonths(1));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), coalesce(sum(quantity), 0) FROM stock_movements WHERE occurred_at >= @from AND occurred_at < @to"
                              + (store is null ? "" : " AND store_id = @store");
        Add(command, "from", from);
        Add(command, "to", to);
        if (store is not null) Add(command, "store", store.Id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>Median of <see cref="Runs"/> timed runs after one untimed warm-up, with the last result.</summary>
    private static async Task<(double Ms, T Result)> TimeAsync<T>(Func<Task<T>> run)
    {
        var result = await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = await run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (times.Order().ElementAt(Runs / 2), result);
    }
}
