using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Hospital.Web.Features.Admin.ApiKeys;

/// <summary>
/// Carries a just-created key across the redirect after the form post (post/redirect/get) so the
/// admin sees it exactly once: encrypted and time-limited by Data Protection, in an HttpOnly
/// cookie scoped to the API-key pages and deleted by the page that shows it. Nothing on the
/// server keeps the plain key, and any app instance sharing the key ring can show it.
/// </summary>
public sealed class NewKeyHandoff(IDataProtectionProvider protection)
{
    private const string CookieName = "hospital.newkey";
    private const string CookiePath = "/admin/api-keys";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Hospital.Admin.ApiKeys.NewKey").ToTimeLimitedDataProtector();

    public void Put(HttpContext context, ApiKeyAdministration.Issued key) =>
        context.Response.Cookies.Append(CookieName, Protector.Protect(JsonSerializer.Serialize(key), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = CookiePath,
                MaxAge = Lifetime,
                IsEssential = true,
            });

    /// <summary>The key, if one is waiting; the cookie is removed either way.</summary>
    public ApiKeyAdministration.Issued? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var raw)) return null;
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        try
        {
            return JsonSerializer.Deserialize<ApiKeyAdministration.Issued>(Protector.Unprotect(raw));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }
}
