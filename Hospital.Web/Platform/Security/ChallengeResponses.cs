using Hospital.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hospital.Web.Platform.Security;

/// <summary>
/// Browsers get the sign-in page; the JSON API gets a problem-details status; htmx gets an
/// HX-Redirect so an expired session in a swapped fragment takes the whole page to sign-in.
/// </summary>
internal static class ChallengeResponses
{
    public static async Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var request = ctx.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            await ApiProblems.Write(ctx.HttpContext, status);
            return;
        }
        if (request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
            return;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
    }
}
