using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Text;
using Hospital.Web.Components.Shared.Tables;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Catalogs;

/// <summary>Lists, forms and activation of catalog <typeparamref name="T"/>; import and API in the other part.</summary>
public sealed partial class CatalogStore<T>(CatalogDefinition<T> definition, HospitalDbContext db) : ICatalogStore
    where T : CatalogEntry, new()
{
    private static readonly TableSorts<T> Sorts = new TableSorts<T>()
        .Add("code", x => x.Code)
        .Add("name", x => x.Name)
        .Add("validFrom", x => x.ValidFrom)
        .Add("validTo", x => x.ValidTo);

    public Task<int> CountAsync(CancellationToken ct) => db.Set<T>().CountAsync(ct);

    public async Task<TablePage<CatalogRow>> ListAsync(TableQuery query, CatalogStatus status, CatalogLookups lookups, CancellationToken ct)
    {
        var rows = Search(db.Set<T>().AsNoTracking(), query.Search);
        rows = status switch
        {
            CatalogStatus.Active => rows.Where(x => x.IsActive),
            CatalogStatus.Inactive => rows.Where(x => !x.IsActive),
            _ => rows,
        };
        // Whole entities for one page: the list columns are formatted by the fields, in memory.
        var page = await rows.ToTablePageAsync(query, Sorts, x => x, ct);
        var listed = definition.Extra.Where(f => f.InList).ToList();
        return new TablePage<CatalogRow>(page.Items.Select(x => new CatalogRow(
            x.Id, x.Code, x.Name, listed.Select(f => f.Display(x, lookups)).ToList(), x.ValidFrom, x.ValidTo, x.IsActive)).ToList(), page.Total);
    }

    /// <summary>
    /// Diacritics-insensitive search on the stored key (DESIGN.md "Data"): "benh ta" and "Bệnh tả"
    /// find the same rows on SQLite and PostgreSQL. The typed text is matched as one phrase, so
    /// "benh ta" does not also bring every name holding "bệnh" and some "ta" elsewhere.
    /// </summary>
    internal static IQueryable<T> Search(IQueryable<T> rows, string? text)
    {
        var term = VietnameseText.SearchKey(text);
        return term.Length == 0 ? rows : rows.Where(x => x.SearchKey.Contains(term));
    }

    public async Task<CatalogRecord?> FindAsync(int id, CatalogLookups lookups, CancellationToken ct) =>
        await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) is { } entry ? Record(entry, lookups) : null;

    public CatalogRecord Blank(CatalogLookups lookups) => Record(new T(), lookups);

    private CatalogRecord Record(T entry, CatalogLookups lookups) =>
        new(entry.Id, entry.IsActive, entry.Code, entry.Name, definition.All.ToDictionary(f => f.Key, f => f.FormValue(entry, lookups)));

    public async Task<SaveResult> SaveAsync(int? id, IReadOnlyDictionary<string, string?> values, CatalogLookups lookups, CancellationToken ct)
    {
        var entry = id is { } existing ? await db.Set<T>().FirstOrDefaultAsync(x => x.Id == existing, ct) : new T();
        if (entry is null) return SaveResult.NotFound;

        var errors = new Dictionary<string, string>();
        foreach (var field in definition.All.Where(f => f.InForm))
            if (field.Apply(entry, values.GetValueOrDefault(field.Key), lookups) is { } error) errors[field.Key] = error;
        foreach (var (key, error) in definition.CrossFieldErrors(entry)) errors.TryAdd(key, error);
        if (!errors.ContainsKey("code") && await db.Set<T>().AnyAsync(x => x.Code == entry.Code && x.Id != entry.Id, ct))
            errors["code"] = $"Mã '{entry.Code}' đã có trong danh mục {definition.Title}.";
        if (errors.Count > 0)
        {
            // Nothing of a rejected form may be saved later in this request.
            if (id is not null) db.Entry(entry).State = EntityState.Detached;
            return new SaveResult(entry.Id, errors);
        }

        entry.RefreshSearchKey();
        if (id is null) db.Set<T>().Add(entry);
        await db.SaveChangesAsync(ct);
        return new SaveResult(entry.Id, errors);
    }

    public async Task<bool> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        // Loaded and saved through the change tracker (not ExecuteUpdate) so the audit trail sees it.
        var entry = await db.Set<T>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (entry is null) return false;
        entry.IsActive = active;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<CatalogEntry>> LoadAllAsync(bool track, CancellationToken ct) =>
        await (track ? db.Set<T>() : db.Set<T>().AsNoTracking()).ToListAsync(ct);
}
