using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Catalogs;

/// <summary>A department as other catalogs refer to it: forms and files name it by code, rows store its id.</summary>
public sealed record DepartmentRef(int Id, string Code, string Name, bool IsActive);

/// <summary>
/// The other catalogs a row may point at. Forms and import files refer to them by code, so
/// the same parser serves both, and the import preview can name an unknown code.
/// </summary>
public sealed class CatalogLookups
{
    public static readonly CatalogLookups Empty = new([], new Dictionary<string, string>());

    public CatalogLookups(IEnumerable<DepartmentRef> departments, IReadOnlyDictionary<string, string> provinces)
    {
        Departments = departments.ToList();
        DepartmentsByCode = Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        DepartmentsById = Departments.ToDictionary(d => d.Id);
        Provinces = provinces;
    }

    public IReadOnlyList<DepartmentRef> Departments { get; }
    public IReadOnlyDictionary<string, DepartmentRef> DepartmentsByCode { get; }
    public IReadOnlyDictionary<int, DepartmentRef> DepartmentsById { get; }
    /// <summary>Province code → name.</summary>
    public IReadOnlyDictionary<string, string> Provinces { get; }

    /// <summary>The same lookups plus provinces that arrive in the file being imported (admin_units_2025.csv).</summary>
    public CatalogLookups WithProvinces(IEnumerable<KeyValuePair<string, string>> more)
    {
        var provinces = new Dictionary<string, string>(Provinces, StringComparer.Ordinal);
        foreach (var (code, name) in more) provinces[code] = name;
        return new CatalogLookups(Departments, provinces);
    }

    public static async Task<CatalogLookups> LoadAsync(HospitalDbContext db, CancellationToken ct = default)
    {
        var departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentRef(d.Id, d.Code, d.Name, d.IsActive)).ToListAsync(ct);
        var provinces = await db.Set<Province>().AsNoTracking()
            .Select(p => new { p.Code, p.Name }).ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal, ct);
        return new CatalogLookups(departments, provinces);
    }
}
