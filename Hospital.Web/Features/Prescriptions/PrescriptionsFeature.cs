namespace Hospital.Web.Features.Prescriptions;

/// <summary>Services and endpoints of the Prescriptions feature folder.</summary>
public static class PrescriptionsFeature
{
    public static IServiceCollection AddPrescriptions(this IServiceCollection services, IConfiguration config) => services;

    public static void MapPrescriptions(this WebApplication app)
    {
    }
}
