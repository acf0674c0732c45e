using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// The national reference catalogs shipped as CSV in db/catalogs (column layouts in
/// db/catalogs/README.md) and how each row becomes an entity.
/// </summary>
public static class ShippedCatalogs
{
    public const string FolderName = "catalogs";

    /// <summary>Every shipped catalog; order matters only for reading the log.</summary>
    public static readonly IReadOnlyList<ShippedCatalog> All =
    [
        new ShippedCatalog<Province>("provinces.csv", _ => new Province()),
        new ShippedCatalog<Commune>("communes.csv", r => new Commune
        {
            ProvinceCode = r.Required("province_code"),
            Kind = r.Required("kind"),
        }),
        new ShippedCatalog<Ethnicity>("ethnicities.csv", r => new Ethnicity { OtherNames = Text(r.Optional("other_names")) }),
        new ShippedCatalog<Occupation>("occupations.csv", r => new Occupation
        {
            Level = r.Int("level"),
            ParentCode = r.Optional("parent_code"),
        }),
        new ShippedCatalog<Icd10Code>("icd10.csv", r => new Icd10Code
        {
            NameEn = Text(r.Optional("name_en")),
            Chapter = r.Optional("chapter"),
            GroupCode = r.Optional("group"),
        }),
        new ShippedCatalog<BhytBeneficiaryGroup>("bhyt_groups.csv", r => new BhytBeneficiaryGroup { BenefitLevel = r.Int("benefit_level") }),
    ];

    /// <summary>
    /// The folder holding the CSV files: the copy beside the binaries (the Web project copies
    /// db/catalogs to bin/.../catalogs, so a published app has it), else db/catalogs found by
    /// walking up from the content root or the binaries (running from a source checkout).
    /// </summary>
    public static string? FindDirectory(params string?[] startDirectories)
    {
        var starts = startDirectories.Append(AppContext.BaseDirectory).OfType<string>().Distinct().ToList();
        foreach (var start in starts)
        {
            var beside = Path.Combine(start, FolderName);
            if (HasCatalogs(beside)) return beside;
        }
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "db", FolderName);
                if (HasCatalogs(candidate)) return candidate;
            }
        }
        return null;
    }

    private static bool HasCatalogs(string dir) => File.Exists(Path.Combine(dir, All[0].FileName));

    private static string? Text(string? value) => value is null ? null : VietnameseText.Nfc(value);
}

/// <summary>One shipped CSV file and the catalog table it fills.</summary>
public abstract class ShippedCatalog(string fileName)
{
    public string FileName => fileName;
    public abstract Type EntityType { get; }

    /// <summary>Reads the file into entities with code, name, validity dates and search key set.</summary>
    public abstract IReadOnlyList<CatalogEntry> ReadEntries(string directory);

    public abstract Task<bool> IsEmptyAsync(HospitalDbContext db, CancellationToken ct);
}

public sealed class ShippedCatalog<T>(string fileName, Func<CatalogCsvRow, T> map) : ShippedCatalog(fileName)
    where T : CatalogEntry
{
    public override Type EntityType => typeof(T);

    public override IReadOnlyList<CatalogEntry> ReadEntries(string directory) => Read(directory);

    public override async Task<bool> IsEmptyAsync(HospitalDbContext db, CancellationToken ct) => !await db.Set<T>().AnyAsync(ct);

    public IReadOnlyList<T> Read(string directory)
    {
        var rows = CatalogCsv.Read(Path.Combine(directory, FileName));
        var entries = new List<T>(rows.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var entry = map(row);
            entry.Code = row.Required("code");
            entry.Name = VietnameseText.Nfc(row.Required("name"));
            entry.ValidFrom = row.Date("valid_from");
            entry.ValidTo = row.Date("valid_to");
            entry.IsActive = true;
            if (!codes.Add(entry.Code)) throw row.Error($"mã \"{entry.Code}\" bị lặp");
            entry.RefreshSearchKey();
            entries.Add(entry);
        }
        return entries;
    }
}
