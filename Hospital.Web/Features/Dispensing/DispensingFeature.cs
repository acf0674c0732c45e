using Hospital.Domain.Identity;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Dispensing;

/// <summary>The outpatient dispensary: concluded prescriptions, FEFO dispensing under concurrency, partial dispensing, labels and slips, returns, the narcotic and psychotropic register, POST /api/v1/prescriptions/{id}/dispense and GET /api/v1/prescriptions/{id} (issue 7 item 3).</summary>
public static class DispensingFeature
{
    /// <summary>Reading a prescription and its dispensing: the pharmacy that hands it out and the doctors who wrote it.</summary>
    public const string ReadPolicy = "prescriptions:read";

    public static IServiceCollection AddDispensing(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PrescriptionDispensing>();
        services.AddScoped<DispensingCorrections>();
        services.AddAuthorization(o => o.AddPolicy(ReadPolicy, p => p.RequireRole(Roles.Pharmacist, Roles.Doctor)));
        return services;
    }

    public static void MapDispensing(this WebApplication app)
    {
        DispensingEndpoints.Map(app);
        DispensationPrint.Map(app);
        ControlledDrugRegisterExport.Map(app);
        PrescriptionsApi.Map(app.MapGroup("/api/v1").WithTags("Đơn thuốc").DisableAntiforgery());
    }
}
