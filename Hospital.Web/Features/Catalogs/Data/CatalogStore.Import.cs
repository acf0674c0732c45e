using Hospital.Domain.Common;
using Hospital.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Catalogs;

/// <summary>Import and the read-only JSON list of catalog <typeparamref name="T"/>.</summary>
public sealed partial class CatalogStore<T>
{
    public Task<CatalogImport> PreviewImportAsync(CatalogFile file, CancellationToken ct) => PlanAsync(file, track: false, ct);

    public Task<CatalogImport> ImportAsync(CatalogFile file, CancellationToken ct) =>
        db.Database.CurrentTransaction is not null
            // Part of the caller's unit of work (the start-up loader checks in it that the table
            // is empty): SaveChanges sets a savepoint there, and the caller commits or rolls back.
            ? WriteAsync(file, ct)
            // A retrying execution strategy (should one be configured) replays the whole unit.
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var import = await WriteAsync(file, ct);
                if (import.CanImport) await transaction.CommitAsync(ct);
                return import;
            });

    /// <summary>Plans and, when the plan is clean, saves; inside the transaction already open.</summary>
    private async Task<CatalogImport> WriteAsync(CatalogFile file, CancellationToken ct)
    {
        // The plan is made again inside the transaction from the stored file, never taken
        // from the browser, so what is written matches what the database holds now.
        db.ChangeTracker.Clear();
        var import = await PlanAsync(file, track: true, ct);
        if (!import.CanImport) return import;
        // One scan for changes over thousands of tracked rows, not one per added row.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            import.StageInto(db);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return import;
    }

    private async Task<CatalogImport> PlanAsync(CatalogFile file, bool track, CancellationToken ct)
    {
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var stored = new Dictionary<ICatalogDefinition, IReadOnlyList<CatalogEntry>> { [definition] = await LoadAllAsync(track, ct) };
        if (definition.Link is { } link)
            stored[link.Target] = await link.Target.Store(db).LoadAllAsync(track, ct);
        return CatalogImport.Create(definition, file, lookups, d => stored[d]);
    }

    public async Task<ListResult<IReadOnlyDictionary<string, object?>>> ApiListAsync(
        string? search, int page, int pageSize, DateOnly? activeOn, CancellationToken ct)
    {
        var rows = Search(db.Set<T>().AsNoTracking(), search);
        if (activeOn is { } day)
            rows = rows.Where(x => x.IsActive && (x.ValidFrom == null || x.ValidFrom <= day) && (x.ValidTo == null || x.ValidTo >= day));
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(x => x.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        return new ListResult<IReadOnlyDictionary<string, object?>>(
            items.Select(x => (IReadOnlyDictionary<string, object?>)definition.All.ToDictionary(f => f.Key, f => f.JsonValue(x, lookups))).ToList(),
            total);
    }
}
