using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Rules;
using Hospital.Integration.Bhxh.Claims;
using Hospital.Web.Features.Billing;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Claims;

/// <summary>
/// Reads visits from the database as <see cref="ClaimEpisode"/>s, in batches: each batch costs a fixed
/// number of queries (<see cref="ClaimSourceBatch"/>), and nothing is tracked, so a month of 100,000
/// episodes streams through with flat memory. The facility code, department codes, address names and
/// the approved catalogue are read once per loader.
/// </summary>
public sealed class ClaimEpisodeLoader(
    HospitalDbContext db, VisitCoverage coverage, FacilityProfile facility, AdministrativeUnitNames unitNames, BhytBenefitRules rules, TimeProvider clock)
{
    public const int DefaultBatchSize = 500;
    private ClaimContext? _context;
    private ClaimCatalog? _catalog;

    /// <summary>The episodes of these visits (visits that do not exist are skipped), in the order asked.</summary>
    public async Task<IReadOnlyList<ClaimEpisode>> LoadAsync(IReadOnlyCollection<int> visitIds, CancellationToken ct = default)
    {
        var ctx = await ContextAsync(ct);
        var batch = await ClaimSourceBatch.LoadAsync(db, coverage, visitIds, ct);
        return visitIds.Distinct().Where(batch.Coverage.ContainsKey).Select(id => ClaimEpisodeMapping.Map(batch, id, ctx)).ToList();
    }

    /// <summary>Streams the episodes of many visits, <paramref name="batchSize"/> visits per round trip.</summary>
    public async IAsyncEnumerable<ClaimEpisode> StreamAsync(
        IAsyncEnumerable<int> visitIds, int batchSize = DefaultBatchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var batch in BatchesAsync(visitIds, batchSize, ct))
            foreach (var e in batch) yield return e;
    }

    /// <summary>The episodes of many visits a batch at a time, each batch one set of round trips; nothing is kept between batches.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ClaimEpisode>> BatchesAsync(
        IAsyncEnumerable<int> visitIds, int batchSize = DefaultBatchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var chunk = new List<int>(batchSize);
        await foreach (var id in visitIds.WithCancellation(ct))
        {
            chunk.Add(id);
            if (chunk.Count < batchSize) continue;
            yield return await LoadAsync(chunk, ct);
            chunk.Clear();
            db.ChangeTracker.Clear();
        }
        if (chunk.Count > 0) yield return await LoadAsync(chunk, ct);
    }

    /// <summary>The facility's approved catalogue and the object codes, to validate against.</summary>
    public async Task<ClaimCatalog> CatalogAsync(CancellationToken ct = default)
    {
        if (_catalog is not null) return _catalog;
        static CatalogValidity Validity(bool active, DateOnly? from, DateOnly? to) =>
            active ? new(from, to) : new(DateOnly.MaxValue, DateOnly.MinValue);
        var services = (await db.Set<MedicalService>().AsNoTracking().Select(s => new { s.Code, s.IsActive, s.ValidFrom, s.ValidTo }).ToListAsync(ct))
            .GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Select(s => Validity(s.IsActive, s.ValidFrom, s.ValidTo)).First());
        var drugs = (await db.Set<Drug>().AsNoTracking().Select(s => new { s.Code, s.IsActive, s.ValidFrom, s.ValidTo }).ToListAsync(ct))
            .GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Select(s => Validity(s.IsActive, s.ValidFrom, s.ValidTo)).First());
        var supplies = (await db.Set<Supply>().AsNoTracking().Select(s => new { Code = s.BhytCode ?? s.Code, s.IsActive, s.ValidFrom, s.ValidTo }).ToListAsync(ct))
            .GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Select(s => Validity(s.IsActive, s.ValidFrom, s.ValidTo)).First());
        var categories = rules.Tables.Categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return _catalog = new ClaimCatalog(services, drugs, supplies, categories);
    }

    private async Task<ClaimContext> ContextAsync(CancellationToken ct)
    {
        if (_context is not null) return _context with { UtcNow = clock.GetUtcNow().UtcDateTime };
        var settings = await facility.GetAsync(ct);
        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.BhytCode, ct);
        var address = await unitNames.FormatterAsync(ct);
        return _context = new ClaimContext(settings?.FacilityCode ?? "", departments, address, clock.GetUtcNow().UtcDateTime);
    }
}
