using Hospital.Lis.Catalog;
using Hospital.Lis.Specimens;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Lab;

/// <summary>Services and endpoints of the lab (issue 5 items 6–7): test catalog, lab orders → specimens, labels, receipt by scan.</summary>
public static class LabFeature
{
    public static IServiceCollection AddLab(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SpecimenOptions>(config.GetSection(SpecimenOptions.Section));
        services.AddScoped<LabCatalog>();
        services.AddScoped<SpecimenBarcodes>();
        services.AddScoped<LabOrdering>();
        services.AddScoped<SpecimenReceipt>();
        services.AddSingleton<Hospital.Lis.Results.LabResultFeed>();
        services.AddScoped<Hospital.Lis.Results.AnalyserResultImport>();
        services.AddScoped<Hospital.Lis.Analysers.SpecimenWorklist>();
        return services;
    }

    public static void MapLab(this WebApplication app)
    {
        LabApi.Map(app.MapGroup("/api/v1").WithTags("Xét nghiệm").DisableAntiforgery().RequireAuthorization(HospitalModule.Lab));
        SpecimenEndpoints.Map(app);
    }
}
