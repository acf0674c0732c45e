namespace Hospital.Web.Features.Visits;

/// <summary>Services and endpoints of the Visits feature folder.</summary>
public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection services, IConfiguration config) => services;

    public static void MapVisits(this WebApplication app)
    {
    }
}
