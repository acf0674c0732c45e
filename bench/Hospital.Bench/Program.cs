using System.Diagnostics;
using Hospital.Bench;

// Reception benchmark (issue 3). Usage: Hospital.Bench PROVIDER CONNECTION PATIENTS DATA_DIR
// bench/reception.sh runs it on a throwaway PostgreSQL cluster and a SQLite file.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Hospital.Bench Postgres|Sqlite CONNECTION_STRING PATIENTS DATA_DIRECTORY");
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

Console.WriteLine("  registration (20 clerks in parallel, the whole VisitRegistration.RegisterAsync call):");
var registration = await RegistrationBenchmark.RunAsync(app.Services, clerks: 20, perClerk: 50);
Console.WriteLine(registration.Measured.Row(registration.Baseline));
Console.WriteLine(registration.Baseline.Row(null));
Console.WriteLine($"  {registration.Registered} visits registered, {registration.DistinctTickets} distinct (room, ticket) pairs, {registration.Failed} refused");
return 0;
