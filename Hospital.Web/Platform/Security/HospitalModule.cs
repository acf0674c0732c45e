using R = Hospital.Domain.Identity.Roles;

namespace Hospital.Web.Platform.Security;

/// <summary>
/// A section of the hospital system in the main menu, the roles that may use it, and the
/// authorization policy its pages and API endpoints require. The menu and the checks read
/// the same table, so what a role sees is exactly what it may open.
/// </summary>
public sealed record HospitalModule(string Policy, string Title, string Icon, string Href, IReadOnlyList<string> Roles)
{
    public const string Reception = "module:reception";
    public const string Clinic = "module:clinic";
    public const string Lab = "module:lab";
    public const string Pharmacy = "module:pharmacy";
    public const string Cashier = "module:cashier";
    public const string Insurance = "module:insurance";
    public const string Catalogs = "module:catalogs";
    public const string Administration = "module:admin";

    /// <summary>Menu order is the order of a patient's day (DESIGN.md "Flow of one outpatient BHYT visit").</summary>
    public static readonly IReadOnlyList<HospitalModule> All =
    [
        new(Reception, "Tiếp đón", "bi-person-vcard", "/reception", [R.Reception]),
        new(Clinic, "Khám bệnh", "bi-clipboard2-pulse", "/clinic", [R.Doctor, R.Nurse]),
        new(Lab, "Xét nghiệm", "bi-droplet-half", "/lab", [R.LabTech]),
        new(Pharmacy, "Dược", "bi-capsule", "/pharmacy", [R.Pharmacist]),
        new(Cashier, "Thu ngân", "bi-cash-coin", "/cashier", [R.Cashier]),
        new(Insurance, "Giám định BHYT", "bi-shield-check", "/insurance", [R.InsuranceOfficer]),
        new(Catalogs, "Danh mục", "bi-journal-text", "/catalogs", [R.Admin]),
        new(Administration, "Quản trị", "bi-gear", "/admin", [R.Admin]),
    ];

    public static HospitalModule ByPolicy(string policy) => All.Single(m => m.Policy == policy);

    public static IServiceCollection AddModulePolicies(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(o =>
        {
            foreach (var m in All) o.AddPolicy(m.Policy, p => p.RequireRole(m.Roles));
        });
        return services;
    }
}
