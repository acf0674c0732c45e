using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Text;
using Hospital.Web.Demo;
using Hospital.Web.Features.Catalogs;

namespace Hospital.Tests.Demo;

/// <summary>
/// The CSV files in db/catalogs, read and planned exactly as the start-up loader imports them
/// (catalog file reader, catalog definitions): every file is clean, and the facts hold together.
/// </summary>
public sealed class ShippedCatalogTests
{
    public static string Directory => ShippedCatalogs.FindDirectory()
        ?? throw new InvalidOperationException("db/catalogs not found from " + AppContext.BaseDirectory);

    /// <summary>Rows per file, as db/catalogs/README.md states them.</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedRows = new Dictionary<string, int>
    {
        ["provinces.csv"] = 34,
        ["communes.csv"] = 255,
        ["ethnicities.csv"] = 56,
        ["occupations.csv"] = 295,
        ["icd10.csv"] = 380,
        ["bhyt_groups.csv"] = 43,
    };

    public static TheoryData<string> Files => new(ShippedCatalogs.All.Select(c => c.FileName));

    /// <summary>
    /// The import of every file into an empty database, in loading order: communes are checked
    /// against the provinces the first file brings, as they are against the stored ones at start.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, CatalogImport>> Imports = new(() =>
    {
        var lookups = CatalogLookups.Empty;
        var imports = new Dictionary<string, CatalogImport>();
        foreach (var catalog in ShippedCatalogs.All)
        {
            var import = CatalogImport.Create(catalog.Definition, catalog.Read(Directory), lookups, _ => []);
            if (catalog.Definition == CatalogDefinitions.Provinces) lookups = lookups.WithProvinces(import.Main.Accepted);
            imports[catalog.FileName] = import;
        }
        return imports;
    });

    /// <summary>The entries the start-up loader stores from the file of catalog <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Read<T>() where T : CatalogEntry, new()
    {
        var file = ShippedCatalogs.All.Single(c => c.Definition.EntityType == typeof(T)).FileName;
        var entries = new List<T>();
        ((CatalogImportPlan<T>)Imports.Value[file].Main).Apply(entries.Add);
        return entries;
    }

    [Theory, MemberData(nameof(Files))]
    public void Every_shipped_file_is_a_clean_import_of_new_rows_with_every_column_understood(string fileName)
    {
        var import = Imports.Value[fileName];

        Assert.Empty(import.FileErrors);
        Assert.True(import.BadRows.Count == 0,
            string.Join("\n", import.BadRows.Select(b => $"{fileName} row {b.Row} ({b.Code}): {string.Join(" ", b.Reasons)}")));
        Assert.Empty(import.IgnoredColumns);
        Assert.Null(import.Linked);
        Assert.True(import.CanImport);
        Assert.Equal(new ImportCounts(import.Main.Counts.Catalog, ExpectedRows[fileName], 0, 0), import.Main.Counts);
    }

    [Fact]
    public void Every_shipped_file_is_listed_once_with_its_own_catalog()
    {
        var onDisk = System.IO.Directory.GetFiles(Directory, "*.csv").Select(Path.GetFileName).Order();
        Assert.Equal(ShippedCatalogs.All.Select(c => c.FileName).Order(), onDisk);
        Assert.Equal(ExpectedRows.Keys.Order(), onDisk);
        Assert.Equal(ShippedCatalogs.All.Count, ShippedCatalogs.All.Select(c => c.Definition).Distinct().Count());
        Assert.All(ShippedCatalogs.All, c => Assert.Same(c.Definition, CatalogDefinitions.Find(c.Definition.Slug)));
    }

    [Fact]
    public void Entries_are_stored_active_in_NFC_with_their_search_key()
    {
        IEnumerable<CatalogEntry>[] all =
            [Read<Province>(), Read<Commune>(), Read<Ethnicity>(), Read<Occupation>(), Read<Icd10Code>(), Read<BhytBeneficiaryGroup>()];
        Assert.All(all.SelectMany(e => e), e =>
        {
            Assert.True(e.IsActive, e.Code);
            Assert.Equal(VietnameseText.Nfc(e.Name), e.Name);
            Assert.StartsWith(VietnameseText.SearchKey(e.Code), e.SearchKey);
        });
    }

    [Fact]
    public void Provinces_are_the_34_after_1_July_2025()
    {
        var provinces = Read<Province>();
        Assert.Equal(34, provinces.Count);
        Assert.All(provinces, p => Assert.Matches(@"^\d{2}$", p.Code));
        Assert.All(provinces, p => Assert.Equal(new DateOnly(2025, 7, 1), p.ValidFrom));
        Assert.Contains(provinces, p => p.Code == "37" && p.Name == "Tỉnh Ninh Bình");
        Assert.Contains(provinces, p => p.Code == "01" && p.Name == "Thành phố Hà Nội");
    }

    [Fact]
    public void Communes_belong_to_shipped_provinces_and_have_a_known_kind()
    {
        var provinces = Read<Province>().Select(p => p.Code).ToHashSet();
        var communes = Read<Commune>();
        Assert.All(communes, c =>
        {
            Assert.Matches(@"^\d{5}$", c.Code);
            Assert.Contains(c.ProvinceCode, provinces);
            Assert.Contains(c.Kind, new[] { "Xã", "Phường", "Đặc khu" });
        });
        Assert.Equal(129, communes.Count(c => c.ProvinceCode == "37"));
        Assert.Equal(126, communes.Count(c => c.ProvinceCode == "01"));
    }

    [Fact]
    public void Ethnicities_are_the_54_groups_plus_foreigner_and_unknown()
    {
        var codes = Read<Ethnicity>().Select(e => e.Code).ToList();
        Assert.Equal(Enumerable.Range(1, 55).Select(i => i.ToString("00")).Append("99"), codes.Order());
        Assert.Equal("Kinh", Read<Ethnicity>().Single(e => e.Code == "01").Name);
    }

    [Fact]
    public void Occupations_form_a_tree_whose_leaves_are_five_digit_codes()
    {
        var occupations = Read<Occupation>();
        var byCode = occupations.ToDictionary(o => o.Code);
        Assert.Contains("00000", byCode.Keys);
        Assert.InRange(occupations.Count(o => o.Level == 5), 100, 200);
        foreach (var o in occupations)
        {
            Assert.InRange(o.Level, 1, 5);
            if (o.Level == 5) Assert.Matches(@"^\d{5}$", o.Code);
            if (o.Level == 1) { Assert.Null(o.ParentCode); continue; }
            Assert.NotNull(o.ParentCode);
            Assert.True(byCode.ContainsKey(o.ParentCode!), $"{o.Code}: parent {o.ParentCode} missing");
            Assert.StartsWith(o.ParentCode!, o.Code);
        }
    }

    [Fact]
    public void Icd10_codes_sit_under_a_shipped_three_character_group()
    {
        var codes = Read<Icd10Code>();
        var groups = codes.Where(c => c.Code.Length == 3).Select(c => c.Code).ToHashSet();
        Assert.InRange(codes.Count, 250, 450);
        Assert.All(codes, c =>
        {
            // A dagger (†) or asterisk (*) code keeps its mark, as in the official list.
            Assert.Matches(@"^[A-Z]\d{2}(\.\d{1,2})?[†*]?$", c.Code);
            Assert.Equal(c.Code[..3], c.GroupCode);
            Assert.Contains(c.GroupCode!, groups);
            Assert.Matches(@"^[IVX]+$", c.Chapter!);
        });
        foreach (var common in new[] { "I10", "E11.9", "J06.9", "J45.9", "K29.7", "M54.5", "S52.5", "O80.9", "A09", "Z00.0" })
            Assert.Contains(codes, c => c.Code == common);
    }

    [Fact]
    public void Bhyt_groups_are_the_43_card_codes_with_their_benefit_levels()
    {
        var groups = Read<BhytBeneficiaryGroup>().ToDictionary(g => g.Code, g => g.BenefitLevel);
        Assert.Equal(43, groups.Count);
        Assert.All(groups, g => { Assert.Matches("^[A-Z]{2}$", g.Key); Assert.InRange(g.Value, 1, 5); });
        // QĐ 1351/QĐ-BHXH levels (bhyt-claims.md §5).
        Assert.Equal(1, groups["TE"]);
        Assert.Equal(1, groups["CC"]);
        Assert.Equal(2, groups["HN"]);
        Assert.Equal(3, groups["HT"]);
        Assert.Equal(3, groups["CN"]);
        Assert.Equal(4, groups["DN"]);
        Assert.Equal(4, groups["GD"]);
        Assert.Equal(5, groups["QN"]);
    }
}
