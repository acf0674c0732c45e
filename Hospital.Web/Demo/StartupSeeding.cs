using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Hospital.Web.Demo;

/// <summary>
/// What every database needs at first start (the roles, the national reference catalogs shipped
/// in db/catalogs for tables still empty), then either the demo data
/// (<c>Demo__Enabled=true</c>) or, on a real installation, the first administrator account.
/// </summary>
public static class StartupSeeding
{
    public static async Task SeedHospitalAsync(this IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new AppRole(role));
        var contentRoot = scope.ServiceProvider.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        await scope.ServiceProvider.GetRequiredService<ReferenceCatalogLoader>()
            .LoadEmptyCatalogsAsync(ShippedCatalogs.FindDirectory(contentRoot), ct);

        if (config.GetValue("Demo:Enabled", false))
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        else
            await FirstAdministrator.EnsureAsync(scope.ServiceProvider, config, ct);
    }
}
