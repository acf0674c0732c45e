using Hospital.Lis.Qc;
using Hospital.Lis.Results;

namespace Hospital.Web.Features.LabQc;

/// <summary>Quality control (issue 5): QC results from the analysers, targets per control and test, Westgard rules, Levey-Jennings charts.</summary>
public static class LabQcFeature
{
    public static IServiceCollection AddLabQc(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IArrivingQcRule, WestgardQcCheck>();
        services.AddScoped<QcTargetAdministration>();
        return services;
    }

    public static void MapLabQc(this WebApplication app)
    {
    }
}
