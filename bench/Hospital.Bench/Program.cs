using System.Diagnostics;
using Hospital.Bench;

// ASTM link layer and records (issue 5): bench/astm.sh runs `Hospital.Bench astm`.
if (args is ["astm", ..]) return await AstmBenchmark.RunAsync(Console.Out);

// Chart benchmark (issue 4): Hospital.Bench chart PROVIDER CONNECTION DATA_DIR [VISITS] [RUNS]; bench/chart.sh.
if (args.Length > 0 && args[0] == "chart") return await ChartRun.RunAsync(args[1..]);
// Hospital.Bench documents [COUNT]: exam-record PDF render + sign per core (issue 4), run by bench/documents.sh.
if (args is ["documents", ..]) return await DocumentBenchmark.RunAsync(args[1..]);
// Hospital.Bench claims PROVIDER CONNECTION DATA_DIR [EPISODES]: claim build + validate + sign (issue 6), run by bench/claims.sh.
if (args is ["claims", ..]) return await ClaimBenchmark.RunAsync(args[1..]);
// Hospital.Bench pharmacy PROVIDER CONNECTION DATA_DIR [LEDGER_ROWS] [PRESCRIPTIONS]: stock report over a year of ledger, dispensing (issue 7), run by bench/pharmacy.sh.
if (args is ["pharmacy", ..]) return await PharmacyBenchmark.RunAsync(args[1..]);
// Hospital.Bench hl7 [SECONDS] [BASELINE_SCRIPT]: the HL7 codec benchmark (issue 5), run by bench/hl7.sh.
if (args is ["hl7", ..]) return Hl7Benchmark.Run(args[1..]);

// Reception benchmark (issue 3). Usage: Hospital.Bench PROVIDER CONNECTION PATIENTS DATA_DIR
// bench/reception.sh runs it on a throwaway PostgreSQL cluster and a SQLite file.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Hospital.Bench PostgreSQL|Sqlite CONNECTION_STRING PATIENTS DATA_DIRECTORY");
    return 2;
}
var (provider, connection, patients, dataDir) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
Console.WriteLine($"== Reception benchmark on {provider}, {patients:N0} patients ({Environment.ProcessorCount} cores)");
var watch = Stopwatch.StartNew();
await using var app = await BenchHost.StartAsync(provider, connection, dataDir);
Console.WriteLine($"  migrated and seeded catalogs in {watch.Elapsed.TotalSeconds:F0} s; generating and loading patients...");
watch.Restart();
var samples = await PatientBulkLoader.LoadAsync(app.Services, patients, Console.Out);
Console.WriteLine($"  loaded in {watch.Elapsed.TotalSeconds:F0} s");

Console.WriteLine("  search (one clerk at a time, what the reception list runs: find + load the rows):");
var search = await SearchBenchmark.RunAsync(app.Services, samples);
foreach (var row in search.Measured) Console.WriteLine(row.Row(search.Baseline));
Console.WriteLine(search.Baseline.Row(null));

Console.WriteLine("  registration (the whole VisitRegistration.RegisterAsync call, from the first read to the commit):");
// One clerk: the service time. Twenty clerks pausing up to a second between patients: far above a
// real morning (5,000 visits in 3 hours is 0.5 a second), the load the p95 target is about.
// Twenty clerks back to back: saturation, which shows the throughput ceiling.
foreach (var (clerks, perClerk, pause, seed) in new[] { (1, 200, 0, 11), (20, 50, 1000, 12), (20, 50, 0, 13) })
{
    var registration = await RegistrationBenchmark.RunAsync(app.Services, clerks, perClerk, pause, seed);
    Console.WriteLine(registration.Measured.Row(registration.Baseline));
    Console.WriteLine(registration.Baseline.Row(null));
    Console.WriteLine($"    {registration.PerSecond:F0} registrations/s; {registration.Registered} visits registered, {registration.DistinctTickets} distinct (room, ticket) pairs, {registration.Failed} refused");
}
return 0;
