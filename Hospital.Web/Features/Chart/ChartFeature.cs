namespace Hospital.Web.Features.Chart;

/// <summary>Services and endpoints of the Chart feature folder.</summary>
public static class ChartFeature
{
    public static IServiceCollection AddChart(this IServiceCollection services, IConfiguration config) => services;

    public static void MapChart(this WebApplication app)
    {
    }
}
