using Hospital.Domain.Common;
using Hospital.Domain.Data;

namespace Hospital.Web.Features.Catalogs;

/// <summary>
/// The whole preview of one upload: the plan for the catalog chosen and, when the file also
/// carries a linked catalog (communes with their provinces), the plan for that one. It can be
/// imported only when both are clean; then both are written in the same transaction.
/// </summary>
public sealed class CatalogImport
{
    private CatalogImport(IImportPlan main, IImportPlan? linked, LinkedRows.Extracted? extracted, CatalogFile file)
    {
        Main = main;
        Linked = linked;
        RowCount = file.Rows.Count;
        FileErrors = [.. main.FileErrors, .. linked?.FileErrors ?? []];
        // One line per file row, reasons from both catalogs together, in file order.
        BadRows = main.BadRows.Concat(linked?.BadRows ?? []).Concat(extracted?.Conflicts ?? [])
            .GroupBy(b => b.Row)
            .Select(g => new BadRow(g.Key, g.Select(b => b.Code).FirstOrDefault(c => c.Length > 0) ?? "", g.SelectMany(b => b.Reasons).Distinct().ToList()))
            .OrderBy(b => b.Row).ToList();
        var used = main.Columns.Select(c => c.Key).Concat(extracted?.Headers ?? []).ToHashSet(StringComparer.Ordinal);
        IgnoredColumns = file.Headers.Where(h => !used.Contains(h)).ToList();
    }

    public IImportPlan Main { get; }
    public IImportPlan? Linked { get; }
    public int RowCount { get; }
    public IReadOnlyList<string> FileErrors { get; }
    public IReadOnlyList<BadRow> BadRows { get; }
    public IReadOnlyList<string> IgnoredColumns { get; }
    public IReadOnlyList<ImportCounts> Counts => Linked is null ? [Main.Counts] : [Main.Counts, Linked.Counts];
    public bool CanImport => FileErrors.Count == 0 && BadRows.Count == 0;

    /// <param name="existing">The stored entries of a catalog, matched by code.</param>
    public static CatalogImport Create(ICatalogDefinition definition, CatalogFile file, CatalogLookups lookups,
        Func<ICatalogDefinition, IEnumerable<CatalogEntry>> existing)
    {
        IImportPlan? linked = null;
        var link = definition.Link;
        var extracted = link is null ? null : LinkedRows.Extract(link, file);
        if (link is not null && extracted is not null)
        {
            // The main rows may name codes that only this file brings (a new province).
            linked = link.Target.Plan(extracted.File, existing(link.Target), lookups);
            lookups = link.ExtendLookups(lookups, linked.Accepted);
        }
        var main = definition.Plan(file, existing(definition), lookups);
        return new CatalogImport(main, linked, extracted, file);
    }

    /// <summary>Stages every change in <paramref name="db"/>; the caller saves once, in one transaction.</summary>
    public void StageInto(HospitalDbContext db)
    {
        if (!CanImport) throw new InvalidOperationException("Tệp còn dòng lỗi: không nhập dòng nào.");
        Linked?.StageInto(db);
        Main.StageInto(db);
    }
}

/// <summary>The linked catalog's rows in a file: one per distinct code, with a reason where a code's name varies.</summary>
internal static class LinkedRows
{
    /// <param name="Headers">The file's headers the linked catalog was read from.</param>
    public sealed record Extracted(CatalogFile File, IReadOnlyList<BadRow> Conflicts, IReadOnlyList<string> Headers);

    public static Extracted? Extract(CatalogLink link, CatalogFile file)
    {
        var headers = file.Headers.Select(ColumnNames.Normalize).ToList();
        var codeIndex = link.CodeColumns.Select(c => headers.IndexOf(c)).FirstOrDefault(i => i >= 0, -1);
        var nameIndex = link.NameColumns.Select(c => headers.IndexOf(c)).FirstOrDefault(i => i >= 0, -1);
        if (codeIndex < 0 || nameIndex < 0) return null;

        var first = new Dictionary<string, (int Row, string Name)>(StringComparer.Ordinal);
        var rows = new List<FileRow>();
        var conflicts = new List<BadRow>();
        foreach (var row in file.Rows)
        {
            var code = row.Cell(codeIndex).Trim();
            var name = Domain.Text.VietnameseText.Nfc(row.Cell(nameIndex));
            // A row without the linked name still names the code; the main catalog checks that it exists.
            if (code.Length == 0 || name.Length == 0) continue;
            if (first.TryGetValue(code, out var seen))
            {
                if (seen.Name != name)
                    conflicts.Add(new BadRow(row.Number, "",
                        [$"{link.Target.Title} mã '{code}' có tên '{name}', khác với dòng {seen.Row} ('{seen.Name}')."]));
                continue;
            }
            first[code] = (row.Number, name);
            rows.Add(new FileRow(row.Number, [code, name]));
        }
        return new Extracted(new CatalogFile(["code", "name"], rows), conflicts, [file.Headers[codeIndex], file.Headers[nameIndex]]);
    }
}
