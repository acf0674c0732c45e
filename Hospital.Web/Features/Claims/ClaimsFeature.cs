using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Claims;

/// <summary>BHYT claims (issue 6 item 4): build XML1–XML5 (+7, 8, 13, 14) from the visit, validate, sign (CHUKYDONVI) and keep every version.</summary>
public static class ClaimsFeature
{
    public static IServiceCollection AddClaims(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ClaimEpisodeLoader>();
        services.AddScoped<ClaimBuilder>();
        services.AddScoped<ClaimPreparation>();
        return services;
    }

    public static void MapClaims(this WebApplication app)
    {
        ClaimFilesApi.Map(app.MapGroup("/api/v1").WithTags("Hồ sơ BHYT").DisableAntiforgery().RequireAuthorization(HospitalModule.Insurance));
    }
}
