using Hospital.Domain.Data;
using Hospital.Web.Features.Catalogs;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Catalogs;

public class CatalogDefinitionsTests
{
    public static TheoryData<string> Slugs => new(CatalogDefinitions.All.Select(d => d.Slug));

    [Fact]
    public void Thirteen_catalogs_with_distinct_slugs()
    {
        Assert.Equal(13, CatalogDefinitions.All.Count);
        Assert.Equal(13, CatalogDefinitions.All.Select(d => d.Slug).Distinct().Count());
        Assert.Same(CatalogDefinitions.Icd10, CatalogDefinitions.Find("ICD10"));
        Assert.Null(CatalogDefinitions.Find("nope"));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void No_import_column_name_fills_two_fields(string slug)
    {
        var definition = CatalogDefinitions.Find(slug)!;
        var duplicates = definition.Fields.SelectMany(f => f.Columns.Select(c => (Column: c, f.Key)))
            .GroupBy(x => x.Column).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Key))}");
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Code_and_name_lengths_match_the_database_columns(string slug)
    {
        var definition = CatalogDefinitions.Find(slug)!;
        using var db = new HospitalDbContext(new DbContextOptionsBuilder<HospitalDbContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = db.Model.FindEntityType(definition.EntityType)!;

        Assert.Equal(entity.FindProperty("Code")!.GetMaxLength(), definition.Fields.Single(f => f.Key == "code").MaxLength);
        Assert.Equal(entity.FindProperty("Name")!.GetMaxLength(), definition.Fields.Single(f => f.Key == "name").MaxLength);
    }
}
