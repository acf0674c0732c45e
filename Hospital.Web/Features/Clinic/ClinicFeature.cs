namespace Hospital.Web.Features.Clinic;

/// <summary>Services and endpoints of the Clinic feature folder.</summary>
public static class ClinicFeature
{
    public static IServiceCollection AddClinic(this IServiceCollection services, IConfiguration config) => services;

    public static void MapClinic(this WebApplication app)
    {
    }
}
