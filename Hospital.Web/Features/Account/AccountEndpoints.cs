using Hospital.Domain.Identity;
using Hospital.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // POST only, with antiforgery: a link or image elsewhere cannot sign a user out.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn, HttpContext ctx) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/account/login");
        });

        app.MapGet("/culture", (string c, string? returnUrl, HttpContext ctx) =>
        {
            var culture = LocalizationSetup.Cultures.FirstOrDefault(x => x.Name == c) ?? LocalizationSetup.Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
    }
}
