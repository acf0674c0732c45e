using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Hospital.Tests.Infrastructure;

/// <summary>
/// A person's browser at the HTTP level: cookies kept, pages parsed, forms posted with the
/// antiforgery token taken from the page as a browser would.
/// </summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    public HttpClient Client { get; } = client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>Submits the form of <paramref name="page"/> selected by <paramref name="formSelector"/> with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, IDictionary<string, string> fields, string? url = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            if (!string.IsNullOrEmpty(input.Name)) values[input.Name] = input.Value;
        foreach (var (k, v) in fields) values[k] = v;
        var action = url ?? form.GetAttribute("action") ?? "";
        if (string.IsNullOrEmpty(action)) action = page.Url is { } u && u.StartsWith("http") ? new Uri(u).PathAndQuery : "/";
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the login page; returns the response of the form post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password = HospitalAppFactory.Password)
    {
        var (_, page) = await GetPageAsync("/account/login");
        return await SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }, "/account/login");
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string pathPrefix) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } loc
        && (loc.IsAbsoluteUri ? loc.PathAndQuery : loc.OriginalString).StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Client.Dispose();
}
