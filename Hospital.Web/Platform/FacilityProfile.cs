using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Platform;

/// <summary>
/// The facility's name and code shown in every page header, cached because every page needs
/// it; <see cref="Invalidate"/> after the settings are saved.
/// </summary>
public sealed class FacilityProfile(IServiceScopeFactory scopes)
{
    private volatile FacilitySettings? _cached;

    public async Task<FacilitySettings?> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } c) return c;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        _cached = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        return _cached;
    }

    public void Invalidate() => _cached = null;
}
