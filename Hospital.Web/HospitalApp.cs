using Hospital.Web.Api;
using Hospital.Web.Components;
using Hospital.Web.Features;
using Hospital.Web.Features.Account;
using Hospital.Web.Demo;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;

namespace Hospital.Web;

/// <summary>Composition root: every feature registers its services and endpoints from here.</summary>
public static class HospitalApp
{
    public static void AddHospital(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });

        services.Configure<StorageOptions>(config.GetSection("Storage"));
        services.AddSingleton(TimeProvider.System);
        services.AddHospitalDatabase();
        services.AddHospitalLocalization();
        DatabaseKeyRepository.AddDatabaseDataProtection(services);
        services.AddHospitalIdentity();
        HospitalModule.AddModulePolicies(services);
        services.AddHospitalApi();
        services.AddHospitalHealthChecks();
        services.AddHospitalFeatures(config);

        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddRazorComponents();
        // Vietnamese text is written as is, not as &#x...; entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
    }

    public static async Task UseHospitalAsync(this WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services,
            () => app.Services.SeedHospitalAsync(app.Configuration, app.Lifetime.ApplicationStopping));
        DemoBanner.PrintWhenStarted(app);

        app.UseHospitalErrorHandling();
        app.UseStaticFiles();
        // Explicit, so a status page re-executed by the error handling is routed again.
        app.UseRouting();
        app.UseRequestLocalization();
        app.Use((ctx, next) => FlashMessage.Take(ctx, next));
        app.UseAuthentication();
        app.UseMiddleware<RequestLogging>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHospitalHealthChecks();
        app.MapAccountEndpoints();
        app.MapHospitalApi();
        app.MapHospitalFeatureEndpoints();
        app.MapRazorComponents<App>();
    }
}
