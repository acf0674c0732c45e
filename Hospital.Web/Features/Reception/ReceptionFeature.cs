namespace Hospital.Web.Features.Reception;

/// <summary>Services and endpoints of the Reception feature folder.</summary>
public static class ReceptionFeature
{
    public static IServiceCollection AddReception(this IServiceCollection services, IConfiguration config) => services;

    public static void MapReception(this WebApplication app)
    {
    }
}
