using Hospital.Domain.Common;
using Hospital.Domain.Data;

namespace Hospital.Web.Features.Catalogs;

public enum RowAction { New, Update, Unchanged, Bad }

/// <summary>A row the import refuses, with every reason found (Vietnamese).</summary>
public sealed record BadRow(int Row, string Code, IReadOnlyList<string> Reasons);

public sealed record ImportCounts(string Catalog, int New, int Updated, int Unchanged);

/// <summary>The preview of importing one file into one catalog, without its entity type.</summary>
public interface IImportPlan
{
    IReadOnlyList<string> FileErrors { get; }
    IReadOnlyList<BadRow> BadRows { get; }
    ImportCounts Counts { get; }
    /// <summary>Header → the label of the field it fills.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Columns { get; }
    /// <summary>Code and name of every row that would be stored.</summary>
    IEnumerable<KeyValuePair<string, string>> Accepted { get; }
    /// <summary>Adds the new rows to the context and writes the changed fields into the tracked existing ones.</summary>
    void StageInto(HospitalDbContext db);
}

/// <summary>
/// What importing a file would do to catalog <typeparamref name="T"/>: every row is parsed by
/// the catalog's fields and matched by code with what is stored (upsert by code). Nothing is
/// written here; <see cref="Apply"/> refuses to run while any row or the file itself is bad.
/// </summary>
public sealed class CatalogImportPlan<T> : IImportPlan where T : CatalogEntry, new()
{
    public sealed record Row(int Number, string Code, RowAction Action, T Candidate, T? Existing, IReadOnlyList<string> Errors);

    private readonly List<(CatalogField<T> Field, int Index, string Header)> _map;

    private CatalogImportPlan(CatalogDefinition<T> definition, List<(CatalogField<T>, int, string)> map,
        List<string> fileErrors, List<Row> rows)
    {
        Definition = definition;
        _map = map;
        FileErrors = fileErrors;
        Rows = rows;
        BadRows = rows.Where(r => r.Action == RowAction.Bad).Select(r => new BadRow(r.Number, r.Code, r.Errors)).ToList();
        Counts = new ImportCounts(definition.Title,
            rows.Count(r => r.Action == RowAction.New), rows.Count(r => r.Action == RowAction.Update), rows.Count(r => r.Action == RowAction.Unchanged));
    }

    public CatalogDefinition<T> Definition { get; }
    public IReadOnlyList<Row> Rows { get; }
    public IReadOnlyList<string> FileErrors { get; }
    public IReadOnlyList<BadRow> BadRows { get; }
    public ImportCounts Counts { get; }
    public bool CanImport => FileErrors.Count == 0 && BadRows.Count == 0;
    public IReadOnlyList<KeyValuePair<string, string>> Columns => _map.Select(m => KeyValuePair.Create(m.Header, m.Field.Label)).ToList();
    public IEnumerable<KeyValuePair<string, string>> Accepted =>
        Rows.Where(r => r.Action != RowAction.Bad).Select(r => KeyValuePair.Create(r.Candidate.Code, r.Candidate.Name));

    public static CatalogImportPlan<T> Create(CatalogDefinition<T> definition, CatalogFile file,
        IReadOnlyDictionary<string, T> existing, CatalogLookups lookups)
    {
        var headers = file.Headers.Select(ColumnNames.Normalize).ToList();
        var map = new List<(CatalogField<T>, int, string)>();
        var fileErrors = new List<string>();
        foreach (var field in definition.All)
        {
            // The first accepted name present wins: "code" before "ma_benh" when a file has both.
            var index = field.Columns.Select(c => headers.IndexOf(c)).FirstOrDefault(i => i >= 0, -1);
            if (index >= 0) map.Add((field, index, file.Headers[index]));
            else if (field.Required)
                fileErrors.Add($"Thiếu cột \"{field.Label}\" (tên cột được chấp nhận: {string.Join(", ", field.Columns)}).");
        }
        if (file.Rows.Count == 0) fileErrors.Add("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");
        var rows = fileErrors.Count == 0 ? PlanRows(definition, file, map, existing, lookups) : [];
        return new CatalogImportPlan<T>(definition, map, fileErrors, rows);
    }

    private static List<Row> PlanRows(CatalogDefinition<T> definition, CatalogFile file,
        List<(CatalogField<T> Field, int Index, string Header)> map, IReadOnlyDictionary<string, T> existing, CatalogLookups lookups)
    {
        var codeIndex = map.First(m => m.Field.Key == "code").Index;
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var present = map.Select(m => m.Field.Key).ToHashSet();
        var rows = new List<Row>(file.Rows.Count);
        foreach (var line in file.Rows)
        {
            var candidate = new T();
            var errors = new List<string>();
            foreach (var (field, index, _) in map)
                if (field.Apply(candidate, line.Cell(index), lookups) is { } error) errors.Add(error);
            definition.FillAbsent?.Invoke(candidate, present);
            errors.AddRange(definition.CrossFieldErrors(candidate).Select(e => e.Error));
            var code = line.Cell(codeIndex).Trim();
            if (code.Length > 0 && !firstRowOfCode.TryAdd(code, line.Number))
                errors.Add($"Mã '{code}' trùng với dòng {firstRowOfCode[code]} trong tệp.");

            existing.TryGetValue(candidate.Code, out var stored);
            var action = errors.Count > 0 ? RowAction.Bad
                : stored is null ? RowAction.New
                : map.All(m => m.Field.SameValue(candidate, stored)) ? RowAction.Unchanged
                : RowAction.Update;
            rows.Add(new Row(line.Number, code, action, candidate, stored, errors));
        }
        return rows;
    }

    /// <summary>Hands new entries to <paramref name="add"/> and copies the file's fields into changed ones.</summary>
    public void Apply(Action<T> add)
    {
        if (!CanImport) throw new InvalidOperationException("Tệp còn dòng lỗi: không nhập dòng nào.");
        foreach (var row in Rows)
        {
            if (row.Action == RowAction.New)
            {
                row.Candidate.RefreshSearchKey();
                add(row.Candidate);
            }
            else if (row.Action == RowAction.Update && row.Existing is { } stored)
            {
                // Only the columns the file has: a file without validity dates keeps the stored ones.
                foreach (var (field, _, _) in _map) field.Copy(row.Candidate, stored);
                stored.RefreshSearchKey();
            }
        }
    }

    public void StageInto(HospitalDbContext db)
    {
        var added = new List<T>();
        Apply(added.Add);
        db.Set<T>().AddRange(added);
    }
}
