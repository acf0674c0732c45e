using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Catalog;

/// <summary>Reads the test catalog: the active tests, and the tests each ordered lab service is made of.</summary>
public sealed class LabCatalog(HospitalDbContext db)
{
    public Task<List<LabTest>> ActiveTestsAsync(CancellationToken ct = default) =>
        db.Set<LabTest>().AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.Section).ThenBy(t => t.Position).ThenBy(t => t.Code).ToListAsync(ct);

    /// <summary>Active tests by code (case-insensitive keys), for the codes asked for that exist.</summary>
    public async Task<Dictionary<string, LabTest>> TestsByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken ct = default)
    {
        var upper = codes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var tests = await db.Set<LabTest>().AsNoTracking().Where(t => t.IsActive && upper.Contains(t.Code.ToUpper())).ToListAsync(ct);
        return tests.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The tests of each service, in report order (a single test or a panel); services with none are absent.</summary>
    public async Task<Dictionary<int, List<LabTest>>> TestsOfServicesAsync(IReadOnlyCollection<int> serviceIds, CancellationToken ct = default)
    {
        var ids = serviceIds.Distinct().ToList();
        var rows = await db.Set<LabServiceTest>().AsNoTracking()
            .Where(x => ids.Contains(x.ServiceId) && x.LabTest!.IsActive)
            .OrderBy(x => x.Position).Select(x => new { x.ServiceId, x.LabTest }).ToListAsync(ct);
        return rows.GroupBy(r => r.ServiceId).ToDictionary(g => g.Key, g => g.Select(r => r.LabTest!).ToList());
    }
}
