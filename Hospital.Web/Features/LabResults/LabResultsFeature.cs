namespace Hospital.Web.Features.LabResults;

/// <summary>Results received from analysers (issue 5 item 10): import and matching, the unmatched results queue, the results API.</summary>
public static class LabResultsFeature
{
    public static IServiceCollection AddLabResults(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapLabResults(this WebApplication app)
    {
    }
}
