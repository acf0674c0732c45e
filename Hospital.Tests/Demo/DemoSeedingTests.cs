using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Demo;

/// <summary>First start on a real database of each provider: the shipped catalogs, and the demo hospital only in demo mode.</summary>
public sealed class DemoSeedingTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Demo_start_loads_the_catalogs_and_seeds_the_demo_hospital(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?> { ["Demo:Patients"] = "2000" });
        await using var db = app.Database.NewContext();

        await AssertCatalogsLoadedAsync(db);
        AssertNoLoaderErrors(app);
        Assert.Equal("37001", (await db.Set<FacilitySettings>().SingleAsync()).FacilityCode);
        Assert.Equal(DemoFacility.Departments.Count, await db.Set<Department>().CountAsync());
        Assert.Equal(DemoFacility.Rooms.Count, await db.Set<Room>().CountAsync());
        Assert.Equal(DemoOptions.Users.Count + DemoFacility.OtherStaff.Count, await db.Set<Staff>().CountAsync());
        Assert.Equal(DemoServices.All.Count, await db.Set<MedicalService>().CountAsync());
        Assert.Equal(DemoFormulary.CreateDrugs().Count, await db.Set<Drug>().CountAsync());
        Assert.Equal(DemoFormulary.CreateSupplies().Count, await db.Set<Supply>().CountAsync());
        Assert.False(await db.Set<Drug>().AnyAsync(d => d.SearchKey == ""));

        // Every demo user is linked to its own staff row.
        var staff = await db.Set<Staff>().ToDictionaryAsync(s => s.Id, s => s.Code);
        var users = await db.Users.ToListAsync();
        Assert.Equal(DemoOptions.Users.Count, users.Count);
        Assert.All(users, u => Assert.Equal(DemoFacility.StaffCodeFor(u.UserName!), staff[u.StaffId!.Value]));

        Assert.Equal(2000, await db.Set<Patient>().CountAsync());
        Assert.Equal(2000, await db.Set<Patient>().Select(p => p.Code).Distinct().CountAsync());
        Assert.False(await db.Set<Patient>().AnyAsync(p => p.SearchKey == ""));
        var cards = await db.Set<BhytCard>().CountAsync();
        Assert.InRange(cards, 1200, 1600);
        Assert.True(await db.Set<Patient>().AnyAsync(p => p.CommuneCode != null && p.ProvinceCode == "37"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Without_demo_mode_only_the_catalogs_are_loaded_and_filled_tables_are_left_alone(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using (var db = database.NewContext())
        {
            // A hospital that already imported its own province list keeps it; the shipped
            // communes (in 01 and 37) are checked against that list and loaded.
            foreach (var (code, name) in new[] { ("01", "Thành phố Hà Nội"), ("37", "Tỉnh Ninh Bình (danh mục của bệnh viện)") })
            {
                var own = new Province { Code = code, Name = name };
                own.RefreshSearchKey();
                db.Add(own);
            }
            await db.SaveChangesAsync();
        }

        await using var app = HospitalAppFactory.Start(database, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Admin:InitialPassword"] = "Admin12345x",
        });
        await using var check = database.NewContext();
        Assert.Equal(2, await check.Set<Province>().CountAsync());
        Assert.Equal("Tỉnh Ninh Bình (danh mục của bệnh viện)", (await check.Set<Province>().SingleAsync(p => p.Code == "37")).Name);
        Assert.Equal(ShippedCatalogTests.ExpectedRows["communes.csv"], await check.Set<Commune>().CountAsync());
        Assert.Equal(ShippedCatalogTests.ExpectedRows["icd10.csv"], await check.Set<Icd10Code>().CountAsync());
        Assert.Equal(ShippedCatalogTests.ExpectedRows["bhyt_groups.csv"], await check.Set<BhytBeneficiaryGroup>().CountAsync());
        AssertNoLoaderErrors(app);
        Assert.Equal(0, await check.Set<Patient>().CountAsync());
        Assert.Equal(0, await check.Set<Department>().CountAsync());
        Assert.Equal(0, await check.Set<FacilitySettings>().CountAsync());
    }

    private static async Task AssertCatalogsLoadedAsync(HospitalDbContext db)
    {
        // Every shipped file, whole, through the catalog importer.
        foreach (var catalog in ShippedCatalogs.All)
            Assert.Equal(ShippedCatalogTests.ExpectedRows[catalog.FileName], await catalog.Definition.Store(db).CountAsync(CancellationToken.None));
        var commune = await db.Set<Commune>().SingleAsync(c => c.Code == "00004");
        Assert.Equal(("01", "Phường", new DateOnly(2025, 7, 1)), (commune.ProvinceCode, commune.Kind, commune.ValidFrom));
        Assert.Equal(2, (await db.Set<Occupation>().SingleAsync(o => o.Code == "00")).Level);
        Assert.Equal(4, (await db.Set<BhytBeneficiaryGroup>().SingleAsync(g => g.Code == "DN")).BenefitLevel);
        Assert.Equal("Việt", (await db.Set<Ethnicity>().SingleAsync(e => e.Code == "01")).OtherNames);
        var hypertension = await db.Set<Icd10Code>().SingleAsync(c => c.Code == "I10");
        Assert.Contains("tang huyet ap", hypertension.SearchKey);
        Assert.Equal(("IX", "I10"), (hypertension.Chapter, hypertension.GroupCode));
    }

    private static void AssertNoLoaderErrors(HospitalAppFactory app) =>
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(nameof(ReferenceCatalogLoader)) && !l.StartsWith("Information"));
}
