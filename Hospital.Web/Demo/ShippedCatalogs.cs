using Hospital.Web.Features.Catalogs;

namespace Hospital.Web.Demo;

/// <summary>
/// The national reference catalogs shipped as CSV in db/catalogs (column layouts in
/// db/catalogs/README.md) and the catalog each fills. They are read and checked by the same
/// reader and catalog definitions as the administrator's import screen.
/// </summary>
public static class ShippedCatalogs
{
    public const string FolderName = "catalogs";

    /// <summary>
    /// Every shipped file, in loading order: provinces before communes, whose province codes
    /// are checked against the stored provinces.
    /// </summary>
    public static readonly IReadOnlyList<ShippedCatalog> All =
    [
        new("provinces.csv", CatalogDefinitions.Provinces),
        new("communes.csv", CatalogDefinitions.Communes),
        new("ethnicities.csv", CatalogDefinitions.Ethnicities),
        new("occupations.csv", CatalogDefinitions.Occupations),
        new("icd10.csv", CatalogDefinitions.Icd10),
        new("bhyt_groups.csv", CatalogDefinitions.BhytGroups),
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
}

/// <summary>One shipped CSV file and the catalog it fills.</summary>
public sealed record ShippedCatalog(string FileName, ICatalogDefinition Definition)
{
    /// <exception cref="CatalogFileException">The file is not readable CSV.</exception>
    /// <exception cref="IOException">The file is missing or cannot be opened.</exception>
    public CatalogFile Read(string directory)
    {
        using var stream = File.OpenRead(Path.Combine(directory, FileName));
        return CatalogFileReader.Read(stream, FileName);
    }
}
