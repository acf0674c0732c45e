using Hospital.Domain.Data;
using Hospital.Tests.Browser;
using Hospital.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hospital.Tests.Admin;

/// <summary>The administration forms with htmx on (hx-boost) and the confirm dialog, in Chromium.</summary>
public sealed class AdminBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_creates_a_user_and_revokes_a_key_through_the_enhanced_forms(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await BrowserFixture.SignedInPageAsync(context, app, "admin");
        await page.WaitForSelectorAsync("[data-testid=current-user]");

        await page.GotoAsync(app.BaseUrl + "/admin/users/new");
        await page.FillAsync("#username", "dd.mai");
        await page.FillAsync("#fullname", "Lê Thị Mai");
        await page.FillAsync("#password", "matkhau1");
        await page.FillAsync("#confirm", "matkhau1");
        await page.CheckAsync("#roles-Nurse");
        await page.CheckAsync("#roles-Reception");
        await page.ClickAsync("[data-testid=user-create-form] button[type=submit]");
        var toast = await page.WaitForSelectorAsync("[data-testid=toast]");
        Assert.Equal("Đã tạo người dùng dd.mai.", (await toast!.InnerTextAsync()).Trim());
        Assert.Contains("/admin/users/", page.Url);
        Assert.True(await page.IsCheckedAsync("#roles-Nurse"));
        Assert.True(await page.IsCheckedAsync("#roles-Reception"));

        await page.GotoAsync(app.BaseUrl + "/admin/api-keys/new");
        await page.FillAsync("#name", "Máy xét nghiệm");
        await page.CheckAsync("#roles-LabTech");
        await page.ClickAsync("[data-testid=api-key-create-form] button[type=submit]");
        var key = await (await page.WaitForSelectorAsync("[data-testid=new-api-key]"))!.InputValueAsync();
        Assert.StartsWith("hk_", key);

        await page.GotoAsync(app.BaseUrl + "/admin/api-keys");
        var row = page.Locator("#api-keys tbody tr", new() { HasText = "Máy xét nghiệm" });
        await row.Locator("button[data-testid^=revoke-]").ClickAsync();
        // The shared confirm dialog asks first; only "Đồng ý" submits.
        await page.WaitForSelectorAsync("#confirm-dialog.show");
        Assert.Contains("Máy xét nghiệm", await page.InnerTextAsync("#confirm-dialog [data-confirm-text]"));
        await page.ClickAsync("#confirm-dialog [data-confirm-ok]");
        toast = await page.WaitForSelectorAsync("[data-testid=toast]:has-text('Đã thu hồi khóa API.')");
        Assert.NotNull(toast);
        await Assertions.Expect(row).ToContainTextAsync("Đã thu hồi");

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
