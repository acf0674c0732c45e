using System.Text;
using Hospital.Domain.Data;
using Hospital.Web.Features.Catalogs;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// At every start, fills each national catalog table that is still empty from the CSV shipped
/// in db/catalogs, in demo mode and on real installations alike. A table that already has rows
/// is never touched: once a hospital has loaded the official list or edited entries, they are
/// its data. The files go through the administrator's importer (same reader, same validation,
/// same row mapping). Runs under the start-up lock (Platform/DatabaseMigrator), so two
/// instances starting together do not both fill a table; each table is checked and filled in
/// one transaction, so a start that fails halfway leaves it empty and the next start tries again.
/// </summary>
public sealed class ReferenceCatalogLoader(HospitalDbContext db, ILogger<ReferenceCatalogLoader> log)
{
    /// <param name="directory">The folder of shipped files (<see cref="ShippedCatalogs.FindDirectory"/>); null when none was found.</param>
    public async Task LoadEmptyCatalogsAsync(string? directory, CancellationToken ct)
    {
        if (directory is null)
        {
            log.LogWarning("Reference catalog folder db/catalogs not found; empty catalogs stay empty until imported");
            return;
        }
        foreach (var catalog in ShippedCatalogs.All)
            await LoadIfEmptyAsync(catalog, directory, ct);
    }

    /// <summary>
    /// A file that cannot be read or has a bad row loads nothing and is logged with every reason;
    /// the start goes on, so the hospital can still sign in and import a corrected list.
    /// </summary>
    private async Task LoadIfEmptyAsync(ShippedCatalog catalog, string directory, CancellationToken ct)
    {
        var store = catalog.Definition.Store(db);
        CatalogImport? import;
        try
        {
            import = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await store.CountAsync(ct) > 0) return null;
                // ImportAsync joins this transaction, so the emptiness check and the rows commit together.
                var result = await store.ImportAsync(catalog.Read(directory), ct);
                if (result.CanImport) await transaction.CommitAsync(ct);
                return result;
            });
        }
        catch (Exception e) when (e is CatalogFileException or IOException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            log.LogError(e, "Shipped catalog {File} was not loaded into {Catalog}; the table stays empty", catalog.FileName, catalog.Definition.Slug);
            return;
        }
        if (import is null) return;
        if (!import.CanImport)
        {
            log.LogError("Shipped catalog {File} was not loaded into {Catalog}, the table stays empty: {Problems}",
                catalog.FileName, catalog.Definition.Slug, Problems(import));
            return;
        }
        if (import.IgnoredColumns.Count > 0)
            log.LogWarning("Shipped catalog {File}: columns {Columns} are not part of catalog {Catalog} and were ignored",
                catalog.FileName, string.Join(", ", import.IgnoredColumns), catalog.Definition.Slug);
        log.LogInformation("Loaded {Count} rows into {Catalog} from {File}", import.Main.Counts.New, catalog.Definition.Slug, catalog.FileName);
    }

    /// <summary>The file's own errors, then every bad row with its line number and reasons (Vietnamese, as the import screen shows them).</summary>
    private static string Problems(CatalogImport import)
    {
        var text = new StringBuilder();
        foreach (var error in import.FileErrors) text.AppendLine().Append(error);
        foreach (var row in import.BadRows)
            text.AppendLine().Append($"dòng {row.Row}{(row.Code.Length > 0 ? $" (mã {row.Code})" : "")}: {string.Join(" ", row.Reasons)}");
        return text.ToString();
    }
}
