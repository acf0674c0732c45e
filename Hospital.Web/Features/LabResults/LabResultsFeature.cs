using Hospital.Lis.Results;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.LabResults;

/// <summary>Results received from analysers (issue 5 item 10): import and matching, the unmatched results queue, the results API.</summary>
public static class LabResultsFeature
{
    public static IServiceCollection AddLabResults(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<UnmatchedResultResolution>();
        return services;
    }

    public static void MapLabResults(this WebApplication app)
    {
        UnmatchedResultsApi.Map(app.MapGroup("/api/v1").WithTags("Xét nghiệm").DisableAntiforgery().RequireAuthorization(HospitalModule.Lab));
        UnmatchedEndpoints.Map(app);
    }
}
