using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>The stores and drugs the stock pages choose from.</summary>
public static class StockStores
{
    public static Task<List<Store>> ActiveAsync(HospitalDbContext db, CancellationToken ct = default) =>
        db.Set<Store>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Code).ToListAsync(ct);

    /// <summary>Active drugs as (code, name, unit), for the drug pickers (a datalist: type a code or a name).</summary>
    public static async Task<List<(string Code, string Name, string Unit)>> DrugsAsync(HospitalDbContext db, CancellationToken ct = default) =>
        (await db.Set<Hospital.Domain.Catalog.Drug>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new { d.Code, d.Name, d.Unit }).ToListAsync(ct))
        .Select(d => (d.Code, d.Name, d.Unit)).ToList();

    /// <summary>An int from a query or form value; null when absent or not a number.</summary>
    public static int? Id(string? text) => int.TryParse(text, out var id) ? id : null;
}
