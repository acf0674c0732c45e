using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Text;
using Hospital.Web.Demo;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Demo;

/// <summary>The CSV files in db/catalogs: each parses, codes are unique and fit the columns, and the facts hold together.</summary>
public sealed class ShippedCatalogTests
{
    public static string Directory => ShippedCatalogs.FindDirectory()
        ?? throw new InvalidOperationException("db/catalogs not found from " + AppContext.BaseDirectory);

    public static IReadOnlyList<T> Read<T>() where T : CatalogEntry =>
        ShippedCatalogs.All.OfType<ShippedCatalog<T>>().Single().Read(Directory);

    public static TheoryData<string> Files => new(ShippedCatalogs.All.Select(c => c.FileName));

    [Theory, MemberData(nameof(Files))]
    public void Every_shipped_file_parses_with_unique_codes_that_fit_the_table(string fileName)
    {
        var catalog = ShippedCatalogs.All.Single(c => c.FileName == fileName);
        var entries = catalog.ReadEntries(Directory);
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());

        var entity = Model().FindEntityType(catalog.EntityType)!;
        var codeLength = entity.FindProperty(nameof(CatalogEntry.Code))!.GetMaxLength();
        var nameLength = entity.FindProperty(nameof(CatalogEntry.Name))!.GetMaxLength();
        foreach (var e in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name), $"{fileName} {e.Code}: empty name");
            Assert.True(e.Code.Length <= codeLength, $"{fileName} {e.Code}: code longer than {codeLength}");
            Assert.True(e.Name.Length <= nameLength, $"{fileName} {e.Code}: name longer than {nameLength}");
            Assert.Equal(VietnameseText.Nfc(e.Name), e.Name);
            Assert.StartsWith(VietnameseText.SearchKey(e.Code), e.SearchKey);
        }
    }

    [Fact]
    public void Every_shipped_file_is_listed_and_has_a_loader()
    {
        var onDisk = System.IO.Directory.GetFiles(Directory, "*.csv").Select(Path.GetFileName).Order();
        Assert.Equal(ShippedCatalogs.All.Select(c => c.FileName).Order(), onDisk);
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
            Assert.Matches(@"^[A-Z]\d{2}(\.\d{1,2})?$", c.Code);
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

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        var options = new DbContextOptionsBuilder<HospitalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new HospitalDbContext(options.Options);
        return db.Model;
    }
}
