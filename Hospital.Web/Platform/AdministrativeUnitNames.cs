using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Platform;

/// <summary>
/// Names of provinces and communes by code, for printing addresses in lists. Every patient
/// row needs them, so they are read once and kept for a few minutes instead of queried per
/// page; a renamed commune shows within <see cref="Lifetime"/>. The full 2025 list is about
/// 3,400 short rows.
/// </summary>
public sealed class AdministrativeUnitNames(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Provinces, IReadOnlyDictionary<string, string> Communes, DateTimeOffset LoadedAt);

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>"line, commune, province" with the parts that are known; unknown codes print as codes.</summary>
    public async Task<Func<string?, string?, string?, string>> FormatterAsync(CancellationToken ct = default)
    {
        var s = await CurrentAsync(ct);
        return (line, commune, province) => string.Join(", ", new[]
        {
            line,
            commune is null ? null : s.Communes.GetValueOrDefault(commune, commune),
            province is null ? null : s.Provinces.GetValueOrDefault(province, province),
        }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (_snapshot is { } s && clock.GetUtcNow() - s.LoadedAt < Lifetime) return s;
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.LoadedAt < Lifetime) return again;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
            var provinces = await db.Set<Province>().AsNoTracking().Select(p => new { p.Code, p.Name }).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
            var communes = await db.Set<Commune>().AsNoTracking().Select(c => new { c.Code, c.Name }).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
            return _snapshot = new Snapshot(provinces, communes, clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }
}
