using System.Net;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Admin.AdminPages;

namespace Hospital.Tests.Admin;

public sealed class ApiKeyAdministrationTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_new_key_is_shown_once_acts_with_its_roles_and_gets_401_once_revoked(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");

        var (refused, page) = await PostAsync(admin, "/admin/api-keys/new", "[data-testid=api-key-create-form]",
            ("Input.Name", "Ki-ốt tiếp đón sảnh A"), ("Input.ExpiresOn", "2020-01-01"), ("roles", "Reception"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ngày hết hạn phải sau hôm nay.", Messages(page));

        var (created, _) = await PostAsync(admin, "/admin/api-keys/new", "[data-testid=api-key-create-form]",
            ("Input.Name", "Ki-ốt tiếp đón sảnh A"), ("Input.ExpiresOn", ""), ("roles", "Reception"));
        Assert.True(WebSession.IsRedirectTo(created, "/admin/api-keys/created"));
        var (shown, _) = await FollowAsync(admin, created);
        var key = shown.QuerySelector("[data-testid=new-api-key]")?.GetAttribute("value");
        Assert.StartsWith("hk_", key);
        // Once: the page does not show it again.
        var (_, again) = await admin.GetPageAsync("/admin/api-keys/created");
        Assert.Null(again.QuerySelector("[data-testid=new-api-key]"));
        Assert.DoesNotContain(key!, again.DocumentElement.OuterHtml);

        using var kiosk = app.CreateClient();
        kiosk.DefaultRequestHeaders.Add("X-Api-Key", key);
        var me = await kiosk.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"Reception\"", await me.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.GetAsync("/api/v1/admin/users")).StatusCode);

        var (_, list) = await admin.GetPageAsync("/admin/api-keys");
        var row = list.QuerySelectorAll("#api-keys tbody tr").Single(r => r.TextContent.Contains("Ki-ốt tiếp đón sảnh A"));
        Assert.Contains(key![..8], row.TextContent);
        Assert.Contains("Tiếp đón", row.TextContent);
        var revokeButton = row.QuerySelector("button[data-testid^=revoke-]")!;
        Assert.False(string.IsNullOrEmpty(revokeButton.GetAttribute("data-confirm")));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)revokeButton.Closest("form")!;
        var revoked = await admin.Client.PostAsync("/admin/api-keys", new FormUrlEncodedContent(
            form.QuerySelectorAll("input[type=hidden]").Cast<AngleSharp.Html.Dom.IHtmlInputElement>()
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))));
        Assert.True(WebSession.IsRedirectTo(revoked, "/admin/api-keys"));
        Assert.Equal("Đã thu hồi khóa API.", (await FollowAsync(admin, revoked)).Toast);

        var refusedCall = await kiosk.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refusedCall.StatusCode);
        Assert.Equal("application/problem+json", refusedCall.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chưa xác thực", await refusedCall.Content.ReadAsStringAsync());

        (_, list) = await admin.GetPageAsync("/admin/api-keys");
        row = list.QuerySelectorAll("#api-keys tbody tr").Single(r => r.TextContent.Contains("Ki-ốt tiếp đón sảnh A"));
        Assert.Contains("Đã thu hồi", row.TextContent);
        Assert.Contains("admin", row.TextContent);
        Assert.Null(row.QuerySelector("button[data-testid^=revoke-]"));
    }
}
