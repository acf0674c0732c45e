using Hospital.Domain.Outbox;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>The finance officers' claim board (issue 6 item 4): filter, fix, send through the outbox to the portal, receipts, export.</summary>
public static class ClaimBoardFeature
{
    public static IServiceCollection AddClaimBoard(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ClaimSending>();
        services.AddScoped<IOutboxHandler, ClaimSendHandler>();
        return services;
    }

    public static void MapClaimBoard(this WebApplication app)
    {
        ClaimBoardEndpoints.Map(app);
        ClaimsApi.Map(app.MapGroup("/api/v1").WithTags("Hồ sơ BHYT").DisableAntiforgery().RequireAuthorization(HospitalModule.Insurance));
    }
}
