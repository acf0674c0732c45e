using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Hospital.Web.Platform.Security;

/// <summary>
/// Carries a just-created secret (an API key, a display-board token) across the redirect after
/// the form post (post/redirect/get) so the admin sees it exactly once: encrypted and
/// time-limited by Data Protection, in an HttpOnly cookie scoped to the pages that show it and
/// deleted by the page that reads it. Nothing on the server keeps the plain secret, and any app
/// instance sharing the key ring can show it.
/// </summary>
public abstract class OneTimeHandoff<T>(IDataProtectionProvider protection, string cookieName, string cookiePath, string purpose)
    where T : class
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    public void Put(HttpContext context, T value) =>
        context.Response.Cookies.Append(cookieName, Protector.Protect(JsonSerializer.Serialize(value), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = cookiePath,
                MaxAge = Lifetime,
                IsEssential = true,
            });

    /// <summary>The value, if one is waiting; the cookie is removed either way.</summary>
    public T? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(cookieName, out var raw)) return null;
        context.Response.Cookies.Delete(cookieName, new CookieOptions { Path = cookiePath });
        try
        {
            return JsonSerializer.Deserialize<T>(Protector.Unprotect(raw));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }
}
