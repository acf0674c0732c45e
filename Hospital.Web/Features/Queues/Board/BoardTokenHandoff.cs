using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Hospital.Web.Features.Queues.Board;

/// <summary>
/// Carries a just-created board token across the redirect after the form post, so the admin sees
/// the board URL exactly once (same design as the API-key handoff: encrypted, time-limited,
/// HttpOnly cookie scoped to these pages, deleted by the page that shows it).
/// </summary>
public sealed class BoardTokenHandoff(IDataProtectionProvider protection)
{
    private const string CookieName = "hospital.newboard";
    private const string CookiePath = "/admin/queue-boards";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Hospital.Queues.Boards.NewToken").ToTimeLimitedDataProtector();

    public void Put(HttpContext context, QueueBoardAdministration.Created board) =>
        context.Response.Cookies.Append(CookieName, Protector.Protect(JsonSerializer.Serialize(board), Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = CookiePath,
                MaxAge = Lifetime,
                IsEssential = true,
            });

    public QueueBoardAdministration.Created? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var raw)) return null;
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        try
        {
            return JsonSerializer.Deserialize<QueueBoardAdministration.Created>(Protector.Unprotect(raw));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }
}
