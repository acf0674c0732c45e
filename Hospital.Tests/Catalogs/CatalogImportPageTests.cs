using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Catalogs;

/// <summary>
/// The import screen as an administrator uses it, over HTTP against the real app: upload,
/// preview with every bad row and its reason, confirm; a file with a bad row imports nothing,
/// even when the confirmation is posted by hand.
/// </summary>
public sealed class CatalogImportPageTests
{
    private const string Url = "/catalogs/icd10/import";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Bad_rows_are_listed_and_nothing_is_imported_until_a_clean_file_is_confirmed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await admin.SignInAsync("admin"), "/"));

        var bad = await UploadAsync(admin, "code;name;valid_from\r\nXTEST.1;Bệnh thử một;01/07/2026\r\nXTEST.2;;\r\nXTEST.1;Trùng;\r\n");
        Assert.Equal(["3", "4"], bad.QuerySelectorAll("[data-testid=bad-rows] tr[data-row]").Select(r => r.GetAttribute("data-row")));
        Assert.Contains("Thiếu tên.", bad.QuerySelector("tr[data-row='3']")!.TextContent);
        Assert.Contains("Mã 'XTEST.1' trùng với dòng 2 trong tệp.", bad.QuerySelector("tr[data-row='4']")!.TextContent);
        Assert.True(bad.QuerySelector("[data-testid=confirm-import]")!.HasAttribute("disabled"));

        // A hand-made confirmation of the bad file is refused by the server too.
        var forced = await ConfirmAsync(admin, bad);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Không nhập dòng nào", await forced.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountTestCodesAsync(app));

        var good = await UploadAsync(admin, "\uFEFFcode,name,valid_from\r\nXTEST.1,Bệnh thử một,01/07/2026\r\nXTEST.2,\"Bệnh thử hai, có dấu phẩy\",\r\n");
        Assert.Equal("2", good.QuerySelector("[data-testid=import-counts] [data-count=new]")!.TextContent);
        Assert.False(good.QuerySelector("[data-testid=confirm-import]")!.HasAttribute("disabled"));
        var confirmed = await ConfirmAsync(admin, good);
        Assert.True(WebSession.IsRedirectTo(confirmed, "/catalogs/icd10"), $"{(int)confirmed.StatusCode} {confirmed.Headers.Location}");
        Assert.Equal(2, await CountTestCodesAsync(app));

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", HospitalAppFactory.ApiKey);
        var list = await api.GetFromJsonAsync<ApiList>("/api/v1/catalogs/icd10?q=xtest&activeOn=2026-07-01");
        Assert.Equal(["XTEST.1", "XTEST.2"], list!.Items.Select(i => i.Code));
        Assert.Equal("2026-07-01", list.Items[0].ValidFrom);
        list = await api.GetFromJsonAsync<ApiList>("/api/v1/catalogs/icd10?q=xtest&activeOn=2026-06-30");
        Assert.Equal(["XTEST.2"], list!.Items.Select(i => i.Code));
        var (_, listPage) = await admin.GetPageAsync("/catalogs/icd10?q=BENH THU HAI");
        Assert.Equal(["XTEST.2"], listPage.QuerySelectorAll("#catalog-table tbody code").Select(c => c.TextContent));
        var unknown = await api.GetAsync("/api/v1/catalogs/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private sealed record ApiItem(string Code, string Name, string? ValidFrom);
    private sealed record ApiList(List<ApiItem> Items, int Total);

    private static async Task<int> CountTestCodesAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Icd10Code>().CountAsync(c => c.Code.StartsWith("XTEST"));
    }

    /// <summary>Posts the upload form as a browser does (multipart, with its hidden fields) and opens the preview it redirects to.</summary>
    private static Task<IHtmlDocument> UploadAsync(WebSession session, string csv) =>
        UploadAsync(session, Url, Encoding.UTF8.GetBytes(csv), "danh-muc.csv");

    /// <summary>The same for any catalogue's import page and any file (.csv or .xlsx).</summary>
    internal static async Task<IHtmlDocument> UploadAsync(WebSession session, string url, byte[] file, string fileName)
    {
        var (_, page) = await session.GetPageAsync(url);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            content.Add(new StringContent(input.Value), input.Name!);
        content.Add(new ByteArrayContent(file), "file", fileName);
        var posted = await session.Client.PostAsync(url, content);
        Assert.True(WebSession.IsRedirectTo(posted, url + "?file="), $"{(int)posted.StatusCode} {posted.Headers.Location}");
        var (_, preview) = await session.GetPageAsync(posted.Headers.Location!.OriginalString);
        Assert.NotNull(preview.QuerySelector("[data-testid=import-preview]"));
        return preview;
    }

    /// <summary>Posts the confirmation form's fields whether or not its button is enabled.</summary>
    private static Task<HttpResponseMessage> ConfirmAsync(WebSession session, IHtmlDocument preview) => ConfirmAsync(session, Url, preview);

    internal static Task<HttpResponseMessage> ConfirmAsync(WebSession session, string url, IHtmlDocument preview)
    {
        var form = preview.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=file]") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        return session.Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
