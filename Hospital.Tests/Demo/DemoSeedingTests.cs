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
            // A hospital that already imported its own province list keeps it.
            var own = new Province { Code = "37", Name = "Tỉnh Ninh Bình (danh mục của bệnh viện)" };
            own.RefreshSearchKey();
            db.Add(own);
            await db.SaveChangesAsync();
        }

        await using var app = HospitalAppFactory.Start(database, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Admin:InitialPassword"] = "Admin12345x",
        });
        await using var check = database.NewContext();
        Assert.Equal("Tỉnh Ninh Bình (danh mục của bệnh viện)", (await check.Set<Province>().SingleAsync()).Name);
        Assert.Equal(ShippedCatalogTests.Read<Commune>().Count, await check.Set<Commune>().CountAsync());
        Assert.Equal(ShippedCatalogTests.Read<Icd10Code>().Count, await check.Set<Icd10Code>().CountAsync());
        Assert.Equal(43, await check.Set<BhytBeneficiaryGroup>().CountAsync());
        Assert.Equal(0, await check.Set<Patient>().CountAsync());
        Assert.Equal(0, await check.Set<Department>().CountAsync());
        Assert.Equal(0, await check.Set<FacilitySettings>().CountAsync());
    }

    private static async Task AssertCatalogsLoadedAsync(HospitalDbContext db)
    {
        Assert.Equal(34, await db.Set<Province>().CountAsync());
        Assert.Equal(ShippedCatalogTests.Read<Commune>().Count, await db.Set<Commune>().CountAsync());
        Assert.Equal(56, await db.Set<Ethnicity>().CountAsync());
        Assert.Equal(ShippedCatalogTests.Read<Occupation>().Count, await db.Set<Occupation>().CountAsync());
        Assert.Equal(ShippedCatalogTests.Read<Icd10Code>().Count, await db.Set<Icd10Code>().CountAsync());
        Assert.Equal(43, await db.Set<BhytBeneficiaryGroup>().CountAsync());
        var hypertension = await db.Set<Icd10Code>().SingleAsync(c => c.Code == "I10");
        Assert.Contains("tang huyet ap", hypertension.SearchKey);
    }
}
