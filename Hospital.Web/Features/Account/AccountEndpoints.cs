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
        // POST only, with antiforgery: a link or image elsewhere cannot sign a user out. Binding
        // the form is what makes minimal APIs enforce the token (the middleware only records
        // its verdict), so the form is bound even though no field of it is needed.
        app.MapPost("/account/logout", async ([FromForm] IFormCollection form, SignInManager<AppUser> signIn) =>
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
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
    }
}
