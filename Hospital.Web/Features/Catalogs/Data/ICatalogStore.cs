using Hospital.Domain.Common;
using Hospital.Web.Api;
using Hospital.Web.Components.Shared.Tables;

namespace Hospital.Web.Features.Catalogs;

public enum CatalogStatus { Active, Inactive, All }

/// <summary>A list row: code, name, the catalog's list columns as text, validity.</summary>
public sealed record CatalogRow(int Id, string Code, string Name, IReadOnlyList<string> Extra, DateOnly? ValidFrom, DateOnly? ValidTo, bool IsActive);

/// <summary>An entry as the edit form shows it: every field's input text by key.</summary>
public sealed record CatalogRecord(int Id, bool IsActive, string Code, string Name, IReadOnlyDictionary<string, string> Values);

/// <summary>The outcome of saving the form: the entry's id, or the Vietnamese message per field key.</summary>
public sealed record SaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Ok => Id is not null && Errors.Count == 0;
    public static SaveResult NotFound { get; } = new(null, new Dictionary<string, string>());
}

/// <summary>The database side of one catalog, without its entity type, for the shared pages and the API.</summary>
public interface ICatalogStore
{
    Task<int> CountAsync(CancellationToken ct);
    Task<TablePage<CatalogRow>> ListAsync(TableQuery query, CatalogStatus status, CatalogLookups lookups, CancellationToken ct);
    Task<CatalogRecord?> FindAsync(int id, CatalogLookups lookups, CancellationToken ct);
    /// <summary>The form of a new entry, with the entity's defaults.</summary>
    CatalogRecord Blank(CatalogLookups lookups);
    Task<SaveResult> SaveAsync(int? id, IReadOnlyDictionary<string, string?> values, CatalogLookups lookups, CancellationToken ct);
    /// <summary>Deactivates or reactivates; entries are never deleted (other rows and old claims refer to them).</summary>
    Task<bool> SetActiveAsync(int id, bool active, CancellationToken ct);
    Task<IReadOnlyList<CatalogEntry>> LoadAllAsync(bool track, CancellationToken ct);
    Task<CatalogImport> PreviewImportAsync(CatalogFile file, CancellationToken ct);
    /// <summary>
    /// Imports in one transaction when the preview is clean; otherwise writes nothing and returns the
    /// preview. Inside a transaction the caller opened, it takes part in it and leaves the commit to the caller.
    /// </summary>
    Task<CatalogImport> ImportAsync(CatalogFile file, CancellationToken ct);
    Task<ListResult<IReadOnlyDictionary<string, object?>>> ApiListAsync(string? search, int page, int pageSize, DateOnly? activeOn, CancellationToken ct);
}
