using System.Security.Claims;
using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// Who can follow a claim error's fix link. Finance fixes what lives under its own screens (staff
/// certificates, the statement's charge lines); a diagnosis or a patient's address is fixed by the
/// doctor or reception, so for those the claim page names the section that fixes it instead of
/// offering a link the officer would only be refused at.
/// </summary>
public static class ClaimFixOwner
{
    /// <summary>The menu section that owns <paramref name="url"/> when <paramref name="user"/> may not open it; null when they may.</summary>
    public static HospitalModule? OtherThan(ClaimsPrincipal user, string url)
    {
        var module = HospitalModule.All.FirstOrDefault(m => url == m.Href || url.StartsWith(m.Href + "/", StringComparison.Ordinal));
        return module is null || module.Roles.Any(user.IsInRole) ? null : module;
    }
}
