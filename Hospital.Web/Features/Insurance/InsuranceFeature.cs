namespace Hospital.Web.Features.Insurance;

/// <summary>Services and endpoints of the Insurance feature folder.</summary>
public static class InsuranceFeature
{
    public static IServiceCollection AddInsurance(this IServiceCollection services, IConfiguration config) => services;

    public static void MapInsurance(this WebApplication app)
    {
    }
}
