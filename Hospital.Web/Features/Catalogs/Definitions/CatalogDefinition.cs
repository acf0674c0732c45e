using Hospital.Domain.Common;
using Hospital.Domain.Data;

namespace Hospital.Web.Features.Catalogs;

/// <summary>A catalog as the shared pages, importer and API see it, whatever its entity.</summary>
public interface ICatalogDefinition
{
    /// <summary>Route segment: /catalogs/{slug}, /api/v1/catalogs/{slug}.</summary>
    string Slug { get; }
    string Title { get; }
    Type EntityType { get; }
    /// <summary>Where the official list comes from, shown above the list and the import form.</summary>
    string? Source { get; }
    IReadOnlyList<ICatalogField> Fields { get; }
    /// <summary>Another catalog a file of this one may also carry (communes with their provinces).</summary>
    CatalogLink? Link { get; }
    ICatalogStore Store(HospitalDbContext db);
    /// <summary>What importing <paramref name="file"/> would do, given the stored entries; writes nothing.</summary>
    IImportPlan Plan(CatalogFile file, IEnumerable<CatalogEntry> existing, CatalogLookups lookups);
}

/// <summary>
/// One catalog: its fields (code, name, the entity's own fields, validity) and how each is
/// parsed, shown and imported. The pages are written once against this description.
/// </summary>
public sealed class CatalogDefinition<T>(string slug, string title) : ICatalogDefinition where T : CatalogEntry, new()
{
    public string Slug => slug;
    public string Title => title;
    public Type EntityType => typeof(T);
    public string? Source { get; init; }
    public int CodeLength { get; init; } = 50;
    public int NameLength { get; init; } = 500;
    /// <summary>Header names of the official lists for code and name, besides code/ma and name/ten.</summary>
    public IReadOnlyList<string> CodeColumns { get; init; } = [];
    public IReadOnlyList<string> NameColumns { get; init; } = [];
    /// <summary>The entity's own fields, between name and validity.</summary>
    public IReadOnlyList<CatalogField<T>> Extra { get; init; } = [];
    public CatalogLink? Link { get; init; }
    /// <summary>
    /// Fills, on import, values that the file's columns leave out but that follow from the others
    /// (ICD-10: an asterisk code is not a main diagnosis); called with the keys of the fields the file has.
    /// </summary>
    public Action<T, IReadOnlySet<string>>? FillAbsent { get; init; }

    private IReadOnlyList<CatalogField<T>>? _all;

    /// <summary>Code, name, <see cref="Extra"/>, validity dates and the active flag (import only; the form toggles it).</summary>
    public IReadOnlyList<CatalogField<T>> All => _all ??=
    [
        Fields<T>.Of("code", "Mã", FieldKinds.Text(CodeLength), x => x.Code, (x, v) => x.Code = v,
            required: true, inList: true, columns: ["code", "ma", .. CodeColumns]),
        Fields<T>.Of("name", "Tên", FieldKinds.Text(NameLength), x => x.Name, (x, v) => x.Name = v,
            required: true, inList: true, columns: ["name", "ten", .. NameColumns]),
        .. Extra,
        Fields<T>.Of("validFrom", "Hiệu lực từ ngày", FieldKinds.Date(), x => x.ValidFrom, (x, v) => x.ValidFrom = v,
            columns: ["valid_from", "tu_ngay", "hieu_luc_tu", "ngay_hieu_luc"]),
        Fields<T>.Of("validTo", "Hiệu lực đến ngày", FieldKinds.Date(), x => x.ValidTo, (x, v) => x.ValidTo = v,
            columns: ["valid_to", "den_ngay", "hieu_luc_den", "ngay_het_hieu_luc"]),
        Fields<T>.Of("isActive", "Đang sử dụng", FieldKinds.Flag(blank: true), x => x.IsActive, (x, v) => x.IsActive = v,
            inForm: false, columns: ["is_active", "active", "dang_su_dung", "hoat_dong"]),
    ];

    IReadOnlyList<ICatalogField> ICatalogDefinition.Fields => All;

    public ICatalogStore Store(HospitalDbContext db) => new CatalogStore<T>(this, db);

    public IImportPlan Plan(CatalogFile file, IEnumerable<CatalogEntry> existing, CatalogLookups lookups) =>
        CatalogImportPlan<T>.Create(this, file, existing.Cast<T>().ToDictionary(e => e.Code, StringComparer.Ordinal), lookups);

    /// <summary>Rules across fields, keyed by the field the message belongs to.</summary>
    public IEnumerable<(string Key, string Error)> CrossFieldErrors(T entry)
    {
        if (entry.ValidFrom is { } from && entry.ValidTo is { } to && from > to)
            yield return ("validTo", "Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực.");
    }
}

/// <summary>Builds fields with the entity type fixed, so the value type is inferred from the kind.</summary>
public static class Fields<T> where T : CatalogEntry
{
    public static CatalogField<T, TValue> Of<TValue>(
        string key, string label, FieldKind<TValue> kind, Func<T, TValue> get, Action<T, TValue> set,
        bool required = false, bool inList = false, bool inForm = true, IReadOnlyList<string>? columns = null) => new()
    {
        Key = key,
        Label = label,
        Kind = kind,
        Get = get,
        Set = set,
        Required = required,
        InList = inList,
        InForm = inForm,
        // Our own layout uses the key in snake_case; a re-imported list may carry the Vietnamese labels.
        Columns = new[] { ColumnNames.SnakeCase(key), ColumnNames.Normalize(label) }
            .Concat((columns ?? []).Select(ColumnNames.Normalize)).Distinct().ToList(),
    };
}

/// <summary>
/// A second catalog carried in the same file, identified by its own code and name columns:
/// admin_units_2025.csv has each commune's province in province_code/province_name.
/// </summary>
public sealed record CatalogLink(
    ICatalogDefinition Target,
    IReadOnlyList<string> CodeColumns,
    IReadOnlyList<string> NameColumns,
    Func<CatalogLookups, IEnumerable<KeyValuePair<string, string>>, CatalogLookups> ExtendLookups);
