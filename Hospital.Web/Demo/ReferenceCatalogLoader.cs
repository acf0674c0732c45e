using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// At every start, fills each national catalog table that is still empty from the CSV shipped
/// in db/catalogs, in demo mode and on real installations alike. A table that already has rows
/// is never touched: once a hospital has loaded the official list or edited entries, they are
/// its data. Runs under the start-up lock (Platform/DatabaseMigrator), so two instances starting
/// together do not both fill a table; each table is filled in one transaction, so a start that
/// fails halfway leaves it empty and the next start tries again.
/// </summary>
public sealed class ReferenceCatalogLoader(HospitalDbContext db, IWebHostEnvironment env, ILogger<ReferenceCatalogLoader> log)
{
    private const int BatchSize = 1000;

    public async Task LoadEmptyCatalogsAsync(CancellationToken ct)
    {
        var directory = ShippedCatalogs.FindDirectory(env.ContentRootPath);
        if (directory is null)
        {
            log.LogWarning("Reference catalog folder db/catalogs not found; empty catalogs stay empty until imported");
            return;
        }
        foreach (var catalog in ShippedCatalogs.All)
        {
            var loaded = await LoadIfEmptyAsync(catalog, directory, ct);
            if (loaded > 0)
                log.LogInformation("Loaded {Count} rows into {Catalog} from {File}", loaded, catalog.EntityType.Name, catalog.FileName);
        }
    }

    private async Task<int> LoadIfEmptyAsync(ShippedCatalog catalog, string directory, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await catalog.IsEmptyAsync(db, ct)) return 0;

            var entries = catalog.ReadEntries(directory);
            foreach (var batch in entries.Chunk(BatchSize))
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync(ct);
            return entries.Count;
        });
    }
}
