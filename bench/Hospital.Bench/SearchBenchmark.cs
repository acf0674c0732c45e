using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Search latency as a clerk sees it: <see cref="PatientSearch.FindAsync"/> plus loading the rows
/// the list shows, one query after another on a fresh context each, as separate requests would.
/// Baseline: loading one patient by primary key through the same context factory.
/// </summary>
public static class SearchBenchmark
{
    public sealed record Outcome(IReadOnlyList<Latencies> Measured, Latencies Baseline);

    private const int Take = 20;

    public static async Task<Outcome> RunAsync(IServiceProvider services, IReadOnlyList<PatientBulkLoader.Sample> samples)
    {
        var random = new Random(7);
        var factory = services.GetRequiredService<IDbContextFactory<HospitalDbContext>>();
        var maxId = await WithDb(factory, db => db.Set<Patient>().MaxAsync(p => p.Id));

        var namePrefix = new Latencies("unaccented name prefix (\"nguyen van a\")");
        var fullName = new Latencies("unaccented full name (\"nguyen van an\")");
        var givenName = new Latencies("later words (\"van an\")");
        var cccd = new Latencies("CCCD, 12 digits");
        var card = new Latencies("BHYT card, 15 characters");
        var baseline = new Latencies("baseline: one patient by primary key");

        async Task Search(Latencies into, string text) =>
            await into.TimeAsync(() => WithDb(factory, async db =>
            {
                var found = await PatientSearch.FindAsync(db, text, Take);
                return await PatientRows.LoadAsync(db, found.PatientIds, CancellationToken.None);
            }));

        // Warm-up: JIT, EF query compilation, connection pool, database caches.
        foreach (var s in samples.Take(50)) await Search(new Latencies("warm-up"), Prefix(s.SearchKey, random));

        foreach (var s in samples)
        {
            await Search(namePrefix, Prefix(s.SearchKey, random));
            await Search(fullName, s.SearchKey);
            var words = s.SearchKey.Split(' ');
            if (words.Length > 2) await Search(givenName, string.Join(' ', words[^2..]));
            if (s.Cccd is not null) await Search(cccd, s.Cccd);
            if (s.CardNumber is not null) await Search(card, s.CardNumber);
            var id = random.Next(1, maxId + 1);
            await baseline.TimeAsync(() => WithDb(factory, db => db.Set<Patient>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id)));
        }
        return new Outcome([namePrefix, fullName, givenName, cccd, card], baseline);
    }

    /// <summary>The words before the last, and the start (2+ letters) of the last: what a clerk has typed mid-name.</summary>
    private static string Prefix(string key, Random random)
    {
        var words = key.Split(' ');
        var last = words[^1];
        var cut = last.Length <= 2 ? last : last[..random.Next(2, last.Length + 1)];
        return string.Join(' ', words[..^1].Append(cut));
    }

    internal static async Task<T> WithDb<T>(IDbContextFactory<HospitalDbContext> factory, Func<HospitalDbContext, Task<T>> work)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await work(db);
    }
}
