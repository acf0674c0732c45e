namespace Hospital.Web.Features.LabValidation;

/// <summary>Technician validation (issue 5 item 11): live worklist, delta checks, auto-verification, validate/reject/rerun, critical value alerts, release to the EMR, lab report PDF.</summary>
public static class LabValidationFeature
{
    public static IServiceCollection AddLabValidation(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapLabValidation(this WebApplication app)
    {
    }
}
