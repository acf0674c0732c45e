namespace Hospital.Web.Features;

/// <summary>Each feature folder's services and endpoints, in one list.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddHospitalFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Platform.FacilityProfile>();
        services.Configure<Demo.DemoOptions>(config.GetSection("Demo"));
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Demo.DemoFacility>();
        services.AddScoped<Demo.DemoPatients>();
        services.AddScoped<Demo.ReferenceCatalogLoader>();
        services.AddScoped<Admin.Users.UserAdministration>();
        services.AddScoped<Admin.ApiKeys.ApiKeyAdministration>();
        services.AddSingleton<Admin.ApiKeys.NewKeyHandoff>();
        services.AddSingleton<Catalogs.ImportUploads>();
        return services;
    }

    public static void MapHospitalFeatureEndpoints(this WebApplication app)
    {
    }
}
