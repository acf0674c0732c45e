using Hospital.Domain.Data;
using Hospital.Lis.Results;
using Hospital.Lis.Validation;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.LabValidation;

/// <summary>Technician validation (issue 5 item 11): live worklist, delta checks, auto-verification, validate/reject/rerun, critical value alerts, release to the EMR, lab report PDF.</summary>
public static class LabValidationFeature
{
    public static IServiceCollection AddLabValidation(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ArrivingResultChecks>();
        services.AddScoped<IArrivingResultsRule>(sp => sp.GetRequiredService<ArrivingResultChecks>());
        services.AddScoped<LabResultValidation>();
        return services;
    }

    public static void MapLabValidation(this WebApplication app)
    {
        ValidationEndpoints.Map(app);
        LabResultsApi.Map(app.MapGroup("/api/v1").WithTags("Xét nghiệm").DisableAntiforgery().RequireAuthorization(HospitalModule.Lab));
        app.MapGet("/lab/specimens/{barcode}/report.pdf", async (string barcode, HospitalDbContext db, CancellationToken ct) =>
            {
                var report = await LabReport.LoadAsync(db, barcode.Trim(), ct);
                return report is null ? Results.NotFound() : Results.File(LabReportPdf.Render(report), "application/pdf", $"ket-qua-{report.Barcode}.pdf");
            })
            .RequireAuthorization(HospitalModule.Lab)
            .ExcludeFromDescription();
        CriticalValueAcknowledgement.Map(app);
        LabRules.Map(app);
    }
}
