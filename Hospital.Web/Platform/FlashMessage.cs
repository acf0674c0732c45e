namespace Hospital.Web.Platform;

public enum FlashKind { Success, Info, Warning, Danger }

/// <summary>
/// A one-time message carried across the redirect after a form post (post/redirect/get), in a
/// short-lived cookie that is removed when the next page reads it.
/// </summary>
public sealed record FlashMessage(FlashKind Kind, string Text)
{
    private const string CookieName = "hospital.flash";
    private const string ItemKey = "hospital.flash";

    public static void Set(HttpContext context, FlashKind kind, string text) =>
        context.Response.Cookies.Append(CookieName, $"{kind}|{Uri.EscapeDataString(text)}",
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(1), Path = "/" });

    /// <summary>
    /// Post/redirect/get for a button: runs <paramref name="action"/>, shows its message (or the
    /// broken rule's, on a <see cref="Hospital.Domain.Common.DomainException"/>) after the redirect
    /// to <paramref name="target"/>, read after the action, which may choose it.
    /// </summary>
    public static async Task<IResult> RedirectAfter(HttpContext context, Func<string> target, Func<Task<string>> action)
    {
        try
        {
            Set(context, FlashKind.Success, await action());
        }
        catch (Hospital.Domain.Common.DomainException ex)
        {
            Set(context, FlashKind.Danger, ex.Message);
        }
        return Results.LocalRedirect(target());
    }

    public static FlashMessage? Current(HttpContext context) => context.Items[ItemKey] as FlashMessage;

    /// <summary>Middleware step: move the cookie's message into the request and delete the cookie.</summary>
    public static async Task Take(HttpContext context, Func<Task> next)
    {
        // A fragment request (htmx, not boosted) leaves the message for the page around it.
        var isFragment = context.Request.Headers.ContainsKey("HX-Request") && !context.Request.Headers.ContainsKey("HX-Boosted");
        if (!isFragment && context.Request.Cookies.TryGetValue(CookieName, out var raw))
        {
            var parts = raw.Split('|', 2);
            if (parts.Length == 2 && Enum.TryParse<FlashKind>(parts[0], out var kind))
                context.Items[ItemKey] = new FlashMessage(kind, Uri.UnescapeDataString(parts[1]));
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        }
        await next();
    }
}
