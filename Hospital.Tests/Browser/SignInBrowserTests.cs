using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.Playwright;

namespace Hospital.Tests.Browser;

/// <summary>A person in Chromium signs in as each role and sees that role's menu; bad passwords get Vietnamese text.</summary>
public sealed class SignInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Each_role_signs_in_in_Chromium_and_sees_its_menu(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        foreach (var (user, _, fullName) in DemoOptions.Users)
        {
            await using var context = await browser.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(app.BaseUrl + "/");
            // Not signed in: the browser lands on the sign-in page.
            Assert.Contains("/account/login", page.Url);
            await BrowserFixture.SubmitSignInAsync(page, user);
            await page.WaitForSelectorAsync("[data-testid=current-user]");
            Assert.Contains(fullName, await page.InnerTextAsync("[data-testid=current-user]"));
            var menu = await page.Locator("[data-testid=main-menu] a[data-module]").AllInnerTextsAsync();
            Assert.NotEmpty(menu);
            if (user == "admin") Assert.Contains(menu, m => m.Contains("Quản trị"));
            else Assert.DoesNotContain(menu, m => m.Contains("Quản trị"));
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Wrong_password_shows_a_Vietnamese_message_and_the_language_can_be_switched(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await BrowserFixture.SubmitSignInAsync(page, "reception", "sai-mat-khau-1");
        var error = await page.WaitForSelectorAsync("[data-testid=login-error]");
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", (await error!.InnerTextAsync()).Trim());

        await page.ClickAsync("[data-testid=language-switch]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Tiếng Việt", await page.InnerTextAsync("[data-testid=language-switch]"));
    }
}
