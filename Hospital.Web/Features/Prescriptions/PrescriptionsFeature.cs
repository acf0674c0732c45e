using Hospital.Domain.Insurance.Rules;
using Hospital.Emr.Prescriptions;

namespace Hospital.Web.Features.Prescriptions;

/// <summary>
/// Services and endpoints of the Prescriptions feature folder: the prescribing rule tables
/// (db/rules/rx_*.csv), writing draft prescriptions, the finalizer the conclusion calls, the
/// correction of a signed prescription, and the panel's htmx endpoints.
/// </summary>
public static class PrescriptionsFeature
{
    public static IServiceCollection AddPrescriptions(this IServiceCollection services, IConfiguration config)
    {
        // Read once; a bad file stops the start with its line and reason (like the BHYT rules beside them).
        services.AddSingleton(sp => PrescribingRuleTables.Load(
            BhytRuleTables.FindDirectory(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)
            ?? throw new InvalidOperationException("Không tìm thấy thư mục quy tắc db/rules (rx_day_limits.csv).")));
        services.AddScoped<PrescriptionWriting>();
        services.AddScoped<PrescriptionCorrection>();
        services.AddScoped<IPrescriptionFinalizer, PrescriptionFinalizer>();
        return services;
    }

    public static void MapPrescriptions(this WebApplication app) => PrescriptionEndpoints.Map(app);
}
