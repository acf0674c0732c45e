using System.Collections.Concurrent;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Clerks registering visits at the same time, each call in its own DI scope as a request would
/// be: <see cref="VisitRegistration.RegisterAsync"/> from the first read to the commit. Patients
/// are drawn at random (BHYT visit when their card is valid today, fee-paying otherwise) into
/// the demo exam rooms, so clerks contend for the same queue counters as at a real counter.
/// Baseline: the same clerks each committing a one-row insert transaction.
/// </summary>
public static class RegistrationBenchmark
{
    public sealed record Outcome(Latencies Measured, Latencies Baseline, int Registered, int DistinctTickets, int Failed, double PerSecond);

    public static async Task<Outcome> RunAsync(IServiceProvider services, int clerks, int perClerk, int maxPauseMs, int seed)
    {
        var factory = services.GetRequiredService<IDbContextFactory<HospitalDbContext>>();
        var today = Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
        var rooms = await SearchBenchmark.WithDb(factory, db => db.Set<Room>().AsNoTracking()
            .Where(r => r.Kind == RoomKind.ExamRoom && r.IsActive && r.ExamServiceId != null).Select(r => r.Id).ToListAsync());
        var maxId = await SearchBenchmark.WithDb(factory, db => db.Set<Patient>().MaxAsync(p => p.Id));
        var random = new Random(seed);
        var patientIds = Enumerable.Range(0, clerks * (perClerk + 5)).Select(_ => random.Next(1, maxId + 1)).Distinct().ToArray();
        var insured = (await SearchBenchmark.WithDb(factory, db => db.Set<BhytCard>().AsNoTracking()
            .Where(c => patientIds.Contains(c.PatientId) && c.VoidedAt == null && c.ValidFrom <= today && c.ValidTo >= today)
            .Select(c => c.PatientId).ToListAsync())).ToHashSet();

        await PrepareBaselineTable(factory);
        var baseline = new Latencies("baseline: one-row insert transaction");
        // The first pass opens the pool's connections (unmeasured), the second is the baseline.
        foreach (var into in new[] { new Latencies("warm-up"), baseline })
            await Parallel.ForAsync(0, clerks * 10, new ParallelOptions { MaxDegreeOfParallelism = clerks }, async (i, ct) =>
                await into.TimeAsync(() => SearchBenchmark.WithDb(factory, async db =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    await db.Database.ExecuteSqlRawAsync("INSERT INTO bench_baseline (at) VALUES ({0})", [DateTime.UtcNow], ct);
                    await tx.CommitAsync(ct);
                    return 0;
                })));

        // Warm-up with a few registrations, not measured.
        var measured = new Latencies((clerks == 1 ? "registration, one clerk" : $"registration, {clerks} clerks") + (maxPauseMs > 0 ? $", pauses 0–{maxPauseMs} ms" : ", back to back"));
        var warmUp = new Latencies("warm-up");
        var results = new ConcurrentBag<RegisteredVisit>();
        var failed = 0;
        async Task Register(Latencies into, int patientId, int roomId)
        {
            using var scope = services.CreateScope();
            var registration = scope.ServiceProvider.GetRequiredService<VisitRegistration>();
            var request = new VisitRequest
            {
                PatientId = patientId,
                Kind = insured.Contains(patientId) ? VisitKind.Bhyt : VisitKind.Fee,
                RoomId = roomId,
                Reason = "Khám định kỳ",
                CardPresentation = insured.Contains(patientId) ? CardPresentation.ChipCccd : CardPresentation.None,
            };
            var result = await into.TimeAsync(() => registration.RegisterAsync(request));
            if (result.Visit is { } v) results.Add(v);
            else Interlocked.Increment(ref failed);
        }
        for (var i = 0; i < clerks; i++) await Register(warmUp, patientIds[i], rooms[i % rooms.Count]);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForAsync(clerks, clerks + clerks * perClerk, new ParallelOptions { MaxDegreeOfParallelism = clerks }, async (i, _) =>
        {
            // A clerk between two patients: talking, taking the card, typing.
            if (maxPauseMs > 0) await Task.Delay(Random.Shared.Next(maxPauseMs + 1));
            await Register(measured, patientIds[i % patientIds.Length], rooms[Random.Shared.Next(rooms.Count)]);
        });
        var perSecond = measured.Count / started.Elapsed.TotalSeconds;
        var distinct = results.Select(v => (v.RoomId, v.TicketNumber)).Distinct().Count();
        return new Outcome(measured, baseline, results.Count, distinct, failed, perSecond);
    }

    private static Task PrepareBaselineTable(IDbContextFactory<HospitalDbContext> factory) =>
        SearchBenchmark.WithDb(factory, db => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? "CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, at timestamptz NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)"));
}
