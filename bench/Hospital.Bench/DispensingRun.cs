using System.Collections.Concurrent;
using System.Diagnostics;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.Dispensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Dispensations per second (issue 7) through <see cref="PrescriptionDispensing.DispenseAsync"/>:
/// generated signed prescriptions (the claim benchmark's episodes, about 6 drugs each, signed an
/// hour ago) and dispensary lots holding what they need. One pharmacist dispenses a quarter of them
/// one after another (the baseline), then ten pharmacists the rest in parallel, all drawing on the
/// same lots first-expiry-first-out, as a busy morning at the counter does. Afterwards the ledger
/// must agree with the balances.
/// </summary>
public static class DispensingRun
{
    public static async Task RunAsync(IServiceProvider services, int prescriptions, TextWriter log)
    {
        await ClaimEpisodeGenerator.LoadAsync(services, prescriptions, new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1), log);
        await PharmacyLedgerGenerator.DispensaryAsync(services, log);
        List<int> ids;
        using (var scope = services.CreateScope())
            ids = await scope.ServiceProvider.GetRequiredService<HospitalDbContext>().Database
                .SqlQueryRaw<int>("SELECT p.id AS \"Value\" FROM prescriptions p JOIN visits v ON v.id = p.visit_id WHERE v.code LIKE 'KCL%' ORDER BY p.id").ToListAsync();

        // Warm-up (JIT, connection pool) on a few, not measured.
        var warm = Math.Min(20, ids.Count / 10);
        await PassAsync(services, ids.Take(warm).ToList(), 1);
        var rest = ids.Skip(warm).ToList();
        var baselineCount = rest.Count / 4;
        var one = await PassAsync(services, rest.Take(baselineCount).ToList(), 1);
        var ten = await PassAsync(services, rest.Skip(baselineCount).ToList(), 10);
        log.WriteLine(one.Row("1 pharmacist (baseline)", null));
        log.WriteLine(ten.Row("10 pharmacists in parallel", one));

        using var check = services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<HospitalDbContext>();
        var store = await db.Set<Store>().AsNoTracking().SingleAsync(s => s.Code == PharmacyLedgerGenerator.Dispensary);
        var differences = await StockLedgerCheck.DifferencesAsync(db, store.Id);
        var negative = await db.Set<StockBalance>().CountAsync(b => b.OnHand < 0);
        log.WriteLine($"    ledger check of {store.Code}: {(differences.Count == 0 ? "balances agree with the ledger" : $"{differences.Count} lots differ")}; {negative} negative balances");
    }

    private sealed record Pass(int Pharmacists, double Seconds, int Dispensed, int Short, int Other, Latencies Latencies, string? FirstRefusal)
    {
        public double PerSecond => Dispensed / Seconds;

        public string Row(string who, Pass? baseline) =>
            $"    {who,-28} {PerSecond,7:F1} dispensations/s ({Dispensed:N0} in {Seconds:F1} s; {Short} short, {Other} refused)"
            + $"  p50 {Latencies.Percentile(50),6:F1} ms  p95 {Latencies.Percentile(95),6:F1} ms"
            + (baseline is null ? "" : $"  = {PerSecond / baseline.PerSecond:F2}× one pharmacist")
            + (FirstRefusal is null ? "" : $"\n      first refusal: {FirstRefusal}");
    }

    private static async Task<Pass> PassAsync(IServiceProvider services, IReadOnlyList<int> ids, int pharmacists)
    {
        var queue = new ConcurrentQueue<int>(ids);
        var latencies = new Latencies($"{pharmacists} pharmacists");
        int dispensed = 0, shortage = 0, other = 0;
        string? firstRefusal = null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, pharmacists).Select(p => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var id))
            {
                using var scope = services.CreateScope();
                var dispensing = scope.ServiceProvider.GetRequiredService<PrescriptionDispensing>();
                var outcome = await latencies.TimeAsync(() => dispensing.DispenseAsync(id, new DispenseRequest(PharmacyLedgerGenerator.Dispensary), $"pharmacist{p}"));
                switch (outcome.Kind)
                {
                    case DispenseOutcomeKind.Dispensed: Interlocked.Increment(ref dispensed); break;
                    case DispenseOutcomeKind.Short: Interlocked.Increment(ref shortage); break;
                    default: Interlocked.Increment(ref other); break;
                }
                if (outcome.Kind != DispenseOutcomeKind.Dispensed) Interlocked.CompareExchange(ref firstRefusal, $"#{id}: {outcome.Error}", null);
            }
        })));
        return new Pass(pharmacists, watch.Elapsed.TotalSeconds, dispensed, shortage, other, latencies, firstRefusal);
    }
}
