namespace Hospital.Web.Features.Dispensing;

/// <summary>The outpatient dispensary: concluded prescriptions, FEFO dispensing under concurrency, partial dispensing, labels and slips, returns, the narcotic and psychotropic register, POST /api/v1/prescriptions/{id}/dispense and GET /api/v1/prescriptions/{id} (issue 7 item 3).</summary>
public static class DispensingFeature
{
    public static IServiceCollection AddDispensing(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PrescriptionDispensing>();
        services.AddScoped<DispensingCorrections>();
        return services;
    }

    public static void MapDispensing(this WebApplication app)
    {
    }
}
