using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hospital.Tests.Demo;

/// <summary>Shipped files that fail the importer's checks: nothing of them is stored, the reasons are logged, the start goes on.</summary>
public sealed class ReferenceCatalogLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hospital-catalogs-").FullName;

    public ReferenceCatalogLoaderTests()
    {
        foreach (var catalog in ShippedCatalogs.All)
            File.Copy(Path.Combine(ShippedCatalogTests.Directory, catalog.FileName), Path.Combine(_directory, catalog.FileName));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_bad_file_loads_nothing_of_its_catalog_and_is_logged_with_its_bad_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        // Row 2 is good; row 3 names a province that does not exist, row 4 an unknown kind.
        await File.WriteAllTextAsync(Path.Combine(_directory, "communes.csv"),
            "code,name,province_code,kind\n00004,Phường Ba Đình,01,Phường\n00008,Phường Ngọc Hà,99,Phường\n00011,Phường Giảng Võ,01,Thôn\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "ethnicities.csv"), "code,name\n01,\"Kinh\n");

        var logs = await LoadAsync(database);

        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Set<Commune>().CountAsync());
            Assert.Equal(0, await db.Set<Ethnicity>().CountAsync());
            Assert.Equal(ShippedCatalogTests.ExpectedRows["provinces.csv"], await db.Set<Province>().CountAsync());
            Assert.Equal(ShippedCatalogTests.ExpectedRows["icd10.csv"], await db.Set<Icd10Code>().CountAsync());
        }
        var errors = logs.Lines.Where(l => l.StartsWith("Error")).ToList();
        Assert.Equal(2, errors.Count);
        var communes = Assert.Single(errors, e => e.Contains("communes.csv"));
        Assert.Contains("dòng 3 (mã 00008): Tỉnh, thành phố: không có tỉnh/thành mã '99'.", communes);
        Assert.Contains("dòng 4 (mã 00011): Loại: 'Thôn' không thuộc danh sách", communes);
        Assert.DoesNotContain("dòng 2", communes);
        Assert.Contains("ngoặc kép", Assert.Single(errors, e => e.Contains("ethnicities.csv")));

        // Corrected files are loaded at the next start; the tables filled before are left alone.
        foreach (var file in new[] { "communes.csv", "ethnicities.csv" })
            File.Copy(Path.Combine(ShippedCatalogTests.Directory, file), Path.Combine(_directory, file), overwrite: true);
        logs = await LoadAsync(database);

        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error"));
        Assert.Equal(2, logs.Lines.Count(l => l.Contains("Loaded")));
        await using var check = database.NewContext();
        Assert.Equal(ShippedCatalogTests.ExpectedRows["communes.csv"], await check.Set<Commune>().CountAsync());
        Assert.Equal(ShippedCatalogTests.ExpectedRows["ethnicities.csv"], await check.Set<Ethnicity>().CountAsync());
        Assert.Equal(ShippedCatalogTests.ExpectedRows["provinces.csv"], await check.Set<Province>().CountAsync());
    }

    private async Task<CapturedLogs> LoadAsync(TestDatabase database)
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var db = database.NewContext();
        await new ReferenceCatalogLoader(db, factory.CreateLogger<ReferenceCatalogLoader>()).LoadEmptyCatalogsAsync(_directory, CancellationToken.None);
        return logs;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
