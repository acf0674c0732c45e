using System.Security.Claims;
using Hospital.Domain.Audit;

namespace Hospital.Web.Features.Audit;

/// <summary>
/// The audit trail's "who": the signed-in user (or API key) of the current request; "anonymous"
/// for a request nobody is signed in to (e.g. a failed sign-in counting towards lockout);
/// "system" outside any request (seeding, hosted services).
/// </summary>
public sealed class HttpAuditUser(IHttpContextAccessor accessor) : IAuditUser
{
    public const string Anonymous = "anonymous";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string UserName => accessor.HttpContext is null
        ? SystemAuditUser.Name
        : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? Anonymous : Anonymous;
}
