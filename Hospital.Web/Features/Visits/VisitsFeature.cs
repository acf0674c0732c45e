using Hospital.Domain.Insurance;
using Hospital.Domain.Visits;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hospital.Web.Features.Visits;

/// <summary>Services and endpoints of the Visits feature folder: outpatient registration at reception.</summary>
public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<VisitNumberingOptions>(config.GetSection(VisitNumberingOptions.Section));
        services.AddScoped<VisitRegistration>();
        services.AddScoped<VisitCancellation>();
        return services;
    }

    public static void MapVisits(this WebApplication app)
    {
        VisitsApi.Map(app.MapGroup("/api/v1").WithTags("Tiếp đón – lượt khám").DisableAntiforgery()
            .RequireAuthorization(HospitalModule.Reception));

        // htmx fragments of the registration page (GET only: they change nothing).
        var fragments = app.MapGroup("/reception/visits").RequireAuthorization(HospitalModule.Reception).ExcludeFromDescription();
        fragments.MapGet("/benefit-preview", (HttpContext ctx) => new RazorComponentResult<BenefitPreview>(new Dictionary<string, object?>
        {
            [nameof(BenefitPreview.PatientId)] = int.TryParse(ctx.Request.Query["patientId"], out var id) ? id : 0,
            [nameof(BenefitPreview.Kind)] = Enum.TryParse<VisitKind>(ctx.Request.Query["Input.Kind"], out var kind) ? kind : VisitKind.Bhyt,
            [nameof(BenefitPreview.Emergency)] = IsChecked(ctx, "Input.Emergency"),
            [nameof(BenefitPreview.HasReferral)] = !string.IsNullOrWhiteSpace(ctx.Request.Query["Input.ReferralNumber"]),
            [nameof(BenefitPreview.HasAppointmentSlip)] = IsChecked(ctx, "Input.HasAppointmentSlip"),
        }));
        fragments.MapGet("/room-picker", (HttpContext ctx) => new RazorComponentResult<RoomPicker>(new Dictionary<string, object?>
        {
            [nameof(RoomPicker.Selected)] = int.TryParse(ctx.Request.Query["Input.RoomId"], out var room) ? room : null,
        }));
    }

    /// <summary>A checkbox as Blazor's InputCheckbox posts it ("True"), or a plain one ("on"/"true").</summary>
    private static bool IsChecked(HttpContext ctx, string name) =>
        ctx.Request.Query[name].Any(v => v is not null && (bool.TryParse(v, out var b) ? b : v == "on"));
}
