using Hospital.Domain.Patients;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Reception;

/// <summary>Services and endpoints of the Reception feature folder: patient master, search, CCCD QR, patient API.</summary>
public static class ReceptionFeature
{
    public static IServiceCollection AddReception(this IServiceCollection services, IConfiguration config)
    {
        var codes = new PatientCodeOptions();
        config.GetSection("Reception").Bind(codes);
        services.AddSingleton(codes);
        services.AddScoped<PatientRegistration>();
        services.AddScoped<PatientAllergies>();
        services.AddScoped<PatientMergeService>();
        return services;
    }

    public static void MapReception(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Tiếp đón").DisableAntiforgery();
        api.MapPatientApi();
        app.MapGet("/reception/communes", CommuneOptions.RenderAsync).RequireAuthorization(HospitalModule.Reception).ExcludeFromDescription();
    }

    /// <summary>Who is acting and when, for the domain services.</summary>
    public static ClerkAction Clerk(HttpContext context, TimeProvider clock) =>
        new(context.User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, Platform.VietnamTime.Today(clock));
}
