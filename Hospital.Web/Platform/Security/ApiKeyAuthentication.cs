using System.Security.Claims;
using System.Text.Encodings.Web;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Platform.Security;

/// <summary>
/// Authenticates kiosks and integrations by the <c>X-Api-Key</c> header. The key acts with the
/// roles an admin gave it; a revoked or expired key is refused with 401.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HospitalDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "hospital:api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values)) return AuthenticateResult.NoResult();
        var presented = values.ToString().Trim();
        if (presented.Length == 0) return AuthenticateResult.Fail("Khóa API trống.");

        var hash = ApiKeySecret.Hash(presented);
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || !key.IsUsableAt(now)) return AuthenticateResult.Fail("Khóa API không hợp lệ hoặc đã bị thu hồi.");

        // Marking use at most once a minute keeps a busy kiosk from writing on every call.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.Set<ApiKey>().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(KeyIdClaim, key.Id.ToString()),
        };
        claims.AddRange(key.RoleList.Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return ApiProblems.Write(Context, StatusCodes.Status403Forbidden);
    }
}
