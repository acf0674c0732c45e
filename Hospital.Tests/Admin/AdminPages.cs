using AngleSharp.Html.Dom;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Admin;

/// <summary>
/// Posting the administration forms as a browser would: hidden fields (antiforgery token,
/// form name) from the page, plus fields that may repeat, as ticked role checkboxes do.
/// </summary>
internal static class AdminPages
{
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        WebSession session, string url, string formSelector, params (string Name, string Value)[] fields)
    {
        var (get, page) = await session.GetPageAsync(url);
        Assert.True(get.IsSuccessStatusCode, $"GET {url}: {(int)get.StatusCode}");
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(values));
        var html = await response.Content.ReadAsStringAsync();
        return (response, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }

    /// <summary>The page a post/redirect/get lands on, and the flash message it shows.</summary>
    public static async Task<(IHtmlDocument Page, string? Toast)> FollowAsync(WebSession session, HttpResponseMessage redirect)
    {
        Assert.True(redirect.Headers.Location is not null, $"Expected a redirect, got {(int)redirect.StatusCode}");
        var (_, page) = await session.GetPageAsync(redirect.Headers.Location!.ToString());
        return (page, page.QuerySelector("[data-testid=toast]")?.TextContent.Trim());
    }

    /// <summary>The id of a user, from the search on the user list (as an admin finds one).</summary>
    public static async Task<string> UserIdAsync(WebSession admin, string userName)
    {
        var (_, page) = await admin.GetPageAsync($"/admin/users?q={Uri.EscapeDataString(userName)}");
        var link = page.QuerySelectorAll("#users a[href^='/admin/users/']").Single(a => a.TextContent.Trim() == userName);
        return link.GetAttribute("href")!["/admin/users/".Length..];
    }

    public static IEnumerable<string> Messages(IHtmlDocument page) =>
        page.QuerySelectorAll(".invalid-feedback, .validation-message, [role=alert]").Select(e => e.TextContent.Trim());

    public static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string userName, string password = HospitalAppFactory.Password)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(userName, password), "/"), $"{userName} could not sign in");
        return session;
    }
}
