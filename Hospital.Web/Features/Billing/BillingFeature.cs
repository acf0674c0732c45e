using Hospital.Domain.Identity;

namespace Hospital.Web.Features.Billing;

/// <summary>Billing (issue 6): a visit's charge lines, their BHYT coverage split, the statement (bảng kê chi phí) and the patient's balance.</summary>
public static class BillingFeature
{
    /// <summary>Who may see a visit's money: the cashier, finance (BHYT) staff, and reception answering a patient at the desk.</summary>
    public const string ViewPolicy = "billing:view";

    /// <summary>Who may void a charge line: the cashier at the counter and finance correcting a claim (not reception).</summary>
    public const string VoidPolicy = "billing:void";

    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<VisitCoverage>();
        services.AddScoped<VisitAccount>();
        services.AddScoped<ChargeVoiding>();
        services.AddScoped<VisitStatements>();
        services.AddAuthorization(o => o.AddPolicy(ViewPolicy, p => p.RequireRole(Roles.Cashier, Roles.InsuranceOfficer, Roles.Reception)));
        services.AddAuthorization(o => o.AddPolicy(VoidPolicy, p => p.RequireRole(Roles.Cashier, Roles.InsuranceOfficer)));
        return services;
    }

    public static void MapBilling(this WebApplication app)
    {
        CoveragePreviewApi.Map(app.MapGroup("/api/v1").WithTags("Viện phí – BHYT").DisableAntiforgery().RequireAuthorization(ViewPolicy));
        StatementEndpoints.Map(app);
    }
}
