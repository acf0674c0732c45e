using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Admin.AdminPages;

namespace Hospital.Tests.Admin;

public sealed class EnglishUiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_language_switch_turns_the_shell_and_admin_pages_into_English(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        var (_, vi) = await admin.GetPageAsync("/admin/users");
        var link = vi.QuerySelector("[data-testid=language-switch]")!.GetAttribute("href")!;
        Assert.StartsWith("/culture?c=en-US", link);

        var switched = await admin.Client.GetAsync(link);
        Assert.True(WebSession.IsRedirectTo(switched, "/admin/users"));
        var (_, en) = await admin.GetPageAsync("/admin/users");
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign out", en.QuerySelector("header")!.TextContent);
        Assert.Contains("System administrator", en.QuerySelector("[data-testid=current-user]")!.TextContent);
        Assert.Equal(new[] { "Home", "Catalogs", "Administration" },
            en.QuerySelectorAll("[data-testid=main-menu] a").Select(a => a.TextContent.Trim()).ToArray());
        Assert.Equal("Users", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Add user", en.QuerySelector("[data-testid=new-user]")!.TextContent);
        Assert.Contains("Doctor", en.QuerySelector("#users tbody")!.TextContent);

        var (_, login) = await app.NewSession().GetPageAsync("/account/login");
        Assert.Equal("vi", login.DocumentElement.GetAttribute("lang"));
    }
}
