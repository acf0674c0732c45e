using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Demo;

/// <summary>
/// Demo mode: on an empty database, a demo facility with departments, rooms, staff,
/// catalogs, patients, one user per role and an API key. Never runs when demo mode is off.
/// </summary>
public sealed class DemoSeeder(
    HospitalDbContext db,
    UserManager<AppUser> users,
    IOptions<DemoOptions> options,
    IOptions<Platform.StorageOptions> storage,
    DemoFacility facility,
    DemoPatients patients,
    DemoVisits visits,
    DemoSigning signing,
    DemoExams exams,
    DemoLabWork lab,
    DemoBilling billing,
    DemoPharmacy pharmacy,
    TimeProvider clock,
    ILogger<DemoSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var credentials = ResolveCredentials();
        if (!await db.Users.AnyAsync(ct))
        {
            log.LogInformation("Empty database: seeding demo data");
            await facility.SeedAsync(ct);
            await SeedUsersAsync(credentials.Password, ct);
            await SeedApiKeyAsync(credentials.ApiKey, ct);
            await patients.SeedAsync(options.Value.Patients, ct);
        }
        await signing.SeedAsync(credentials.Password, ct);
        await DemoQueueBoard.SeedAsync(db, clock, ct);
        // Stock before the demo doctor's prescriptions, so the dispensary has something to hand out.
        await pharmacy.SeedAsync(ct);
        await visits.SeedTodayAsync(options.Value.Visits, ct);
        await exams.SeedTodayAsync(options.Value.ConcludedVisits, credentials.Password, ct);
        await lab.SeedWaitingAsync(options.Value.WaitingLabOrders, ct);
        await billing.SeedTodayAsync(ct);
        DemoBanner.Remember(credentials);
    }

    private DemoCredentials ResolveCredentials()
    {
        var o = options.Value;
        var saved = DemoCredentials.Load(storage.Value);
        var credentials = new DemoCredentials(
            o.Password ?? saved?.Password ?? "Demo" + Random.Shared.Next(100000, 999999) + "a",
            o.ApiKey ?? saved?.ApiKey ?? ApiKeySecret.Generate());
        if (saved != credentials) credentials.Save(storage.Value);
        return credentials;
    }

    private async Task SeedUsersAsync(string password, CancellationToken ct)
    {
        var staffByCode = await db.Set<Domain.Catalog.Staff>().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        foreach (var (userName, role, fullName) in DemoOptions.Users)
        {
            var user = new AppUser
            {
                UserName = userName,
                FullName = fullName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                StaffId = staffByCode.TryGetValue(DemoFacility.StaffCodeFor(userName), out var id) ? id : null,
            };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
        }
    }

    private async Task SeedApiKeyAsync(string key, CancellationToken ct)
    {
        db.Set<ApiKey>().Add(new ApiKey
        {
            Name = "Demo integration",
            Prefix = ApiKeySecret.PrefixOf(key),
            KeyHash = ApiKeySecret.Hash(key),
            Roles = Roles.Admin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = "demo",
        });
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Cannot create demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
