using System.Text;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Components.Shared.Tables;
using Hospital.Web.Features.Catalogs;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Catalogs;

public class CatalogStoreDatabaseTests
{
    private const string Header = "province_code,province_name,commune_code,commune_name,commune_type\r\n";
    private const string Units = Header +
        "01,Thành phố Hà Nội,00004,Phường Ba Đình,Phường\r\n" +
        "01,Thành phố Hà Nội,00008,Phường Ngọc Hà,Phường\r\n" +
        "37,Tỉnh Ninh Bình,14329,Phường Hoa Lư,Phường\r\n";

    private static CatalogFile Csv(string text) => CsvCatalogReader.Read(Encoding.UTF8.GetBytes(text));

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        return database;
    }

    private static async Task<CatalogImport> ImportAsync(TestDatabase database, string csv)
    {
        await using var db = database.NewContext();
        return await CatalogDefinitions.Communes.Store(db).ImportAsync(Csv(csv), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Import_upserts_by_code_and_writes_nothing_when_a_row_is_bad(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);

        var first = await ImportAsync(database, Units);
        Assert.True(first.CanImport);
        Assert.Equal([new ImportCounts("Xã, phường, đặc khu", 3, 0, 0), new ImportCounts("Tỉnh, thành phố", 2, 0, 0)], first.Counts);

        var refused = await ImportAsync(database, Header +
            "01,Thành phố Hà Nội,00004,Phường Ba Đình (đổi tên),Phường\r\n" +
            "02,Tỉnh Tuyên Quang,00793,Xã Phố Bảng,Thị trấn\r\n");
        Assert.False(refused.CanImport);
        Assert.Equal(3, Assert.Single(refused.BadRows).Row);

        var second = await ImportAsync(database, Header +
            "01,Thành phố Hà Nội,00004,Phường Ba Đình (đổi tên),Phường\r\n" +
            "01,Thành phố Hà Nội,00008,Phường Ngọc Hà,Phường\r\n");
        Assert.Equal([new ImportCounts("Xã, phường, đặc khu", 0, 1, 1), new ImportCounts("Tỉnh, thành phố", 0, 0, 1)], second.Counts);

        await using var db = database.NewContext();
        var communes = await db.Set<Commune>().OrderBy(c => c.Code).ToListAsync();
        Assert.Equal(["00004", "00008", "14329"], communes.Select(c => c.Code));
        Assert.Equal(("Phường Ba Đình (đổi tên)", "00004 phuong ba dinh (doi ten)"), (communes[0].Name, communes[0].SearchKey));
        Assert.Equal(2, await db.Set<Province>().CountAsync());
        Assert.False(await db.Set<Province>().AnyAsync(p => p.Code == "02"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Form_checks_codes_and_lists_search_without_diacritics(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        await ImportAsync(database, Units);
        CatalogLookups lookups;
        await using (var db = database.NewContext()) lookups = await CatalogLookups.LoadAsync(db);

        await using (var db = database.NewContext())
        {
            var duplicate = await CatalogDefinitions.Communes.Store(db).SaveAsync(null,
                new Dictionary<string, string?> { ["code"] = "00004", ["name"] = "Trùng", ["provinceCode"] = "01", ["kind"] = "Xã", ["validFrom"] = "01/07/2025", ["validTo"] = "30/06/2025" },
                lookups, CancellationToken.None);
            Assert.Equal("Mã '00004' đã có trong danh mục Xã, phường, đặc khu.", duplicate.Errors["code"]);
            Assert.Equal("Ngày hết hiệu lực phải bằng hoặc sau ngày bắt đầu hiệu lực.", duplicate.Errors["validTo"]);
        }

        int id;
        await using (var db = database.NewContext())
        {
            var store = CatalogDefinitions.Communes.Store(db);
            var saved = await store.SaveAsync(null,
                new Dictionary<string, string?> { ["code"] = "00025", ["name"] = "Phường Giảng Võ", ["provinceCode"] = "01", ["kind"] = "Phường", ["validTo"] = "2025-12-31" },
                lookups, CancellationToken.None);
            Assert.True(saved.Ok);
            id = saved.Id!.Value;
            Assert.True(await store.SetActiveAsync((await db.Set<Commune>().SingleAsync(c => c.Code == "00008")).Id, false, CancellationToken.None));
        }

        await using (var db = database.NewContext())
        {
            var store = CatalogDefinitions.Communes.Store(db);
            var query = new TableQuery("PHUONG", 1, 25, "code", false);
            var active = await store.ListAsync(query, CatalogStatus.Active, lookups, CancellationToken.None);
            Assert.Equal(["00004", "00025", "14329"], active.Items.Select(r => r.Code));
            Assert.Equal(["Thành phố Hà Nội", "Phường"], active.Items[0].Extra);
            var inactive = await store.ListAsync(query with { Search = "ngoc ha" }, CatalogStatus.Inactive, lookups, CancellationToken.None);
            Assert.Equal("00008", Assert.Single(inactive.Items).Code);

            var api = await store.ApiListAsync("Giảng võ", 1, 10, new DateOnly(2026, 1, 1), CancellationToken.None);
            Assert.Equal(0, api.Total);
            api = await store.ApiListAsync("giang vo", 1, 10, new DateOnly(2025, 12, 31), CancellationToken.None);
            Assert.Equal(("00025", "2025-12-31"), ((string)Assert.Single(api.Items)["code"]!, (string?)api.Items[0]["validTo"]));
            Assert.Equal(id, (await db.Set<Commune>().SingleAsync(c => c.Code == "00025")).Id);
        }
    }
}
