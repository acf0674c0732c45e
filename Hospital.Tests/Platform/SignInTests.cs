using System.Net;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;

namespace Hospital.Tests.Platform;

/// <summary>What a person sees at the sign-in page, on each database.</summary>
public sealed class SignInTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Each_demo_user_signs_in_and_sees_exactly_its_roles_menu(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var expected = new Dictionary<string, string[]>
        {
            ["admin"] = ["module:catalogs", "module:admin"],
            ["reception"] = ["module:reception"],
            ["doctor"] = ["module:clinic"],
            ["nurse"] = ["module:clinic"],
            ["labtech"] = ["module:lab"],
            ["pharmacist"] = ["module:pharmacy"],
            ["cashier"] = ["module:cashier"],
            ["insurance"] = ["module:insurance"],
        };
        Assert.Equal(DemoOptions.Users.Select(u => u.UserName).Order(), expected.Keys.Order());
        foreach (var (user, modules) in expected)
        {
            using var session = app.NewSession();
            var response = await session.SignInAsync(user);
            Assert.True(WebSession.IsRedirectTo(response, "/"), $"{user}: sign-in should redirect home, got {(int)response.StatusCode}");
            var (home, page) = await session.GetPageAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var menu = page.QuerySelectorAll("[data-testid=main-menu] a[data-module]").Select(a => a.GetAttribute("data-module")!).ToArray();
            Assert.Equal(modules, menu);
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Wrong_password_gets_a_Vietnamese_message_and_the_sixth_try_is_locked_out(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await session.SignInAsync("cashier", "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            if (attempt < 5) Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html);
        }
        // Five failures lock the account for 15 minutes: even the right password is refused now.
        var sixth = await session.SignInAsync("cashier");
        var text = await sixth.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần", text);
        Assert.False(WebSession.IsRedirectTo(sixth, "/"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_form_post_without_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        var response = await session.Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = HospitalAppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("hospital.auth")));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Sign_out_ends_the_session(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        await session.SignInAsync("doctor");
        var (_, home) = await session.GetPageAsync("/");
        var logout = await session.SubmitAsync(home, "form[action='/account/logout']", new Dictionary<string, string>());
        Assert.True(WebSession.IsRedirectTo(logout, "/account/login"));
        var after = await session.Client.GetAsync("/clinic");
        Assert.True(WebSession.IsRedirectTo(after, "/account/login"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Sign_out_without_antiforgery_token_is_refused_and_the_session_stays(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var session = app.NewSession();
        await session.SignInAsync("doctor");
        var refused = await session.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/clinic")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_idle_session_expires_after_the_configured_time(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider,
            new Dictionary<string, string?> { ["Security:SessionTimeoutMinutes"] = "0.05" });
        using var session = app.NewSession();
        await session.SignInAsync("reception");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.True(WebSession.IsRedirectTo(await session.Client.GetAsync("/"), "/account/login"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_second_instance_accepts_the_sign_in_cookie_of_the_first(DatabaseProvider provider)
    {
        // Data-protection keys live in the database, so nodes behind a load balancer share sessions.
        await using var first = await HospitalAppFactory.StartAsync(provider);
        await using var second = HospitalAppFactory.Start(first.Database);
        second.OwnsDatabase = false;
        using var a = first.NewSession();
        await a.SignInAsync("doctor");
        var cookie = string.Join("; ", (await a.Client.GetAsync("/")).RequestMessage!.Headers.GetValues("Cookie"));
        using var b = second.NewSession();
        b.Client.DefaultRequestHeaders.Add("Cookie", cookie);
        var (response, page) = await b.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lê Văn Khám", page.QuerySelector("[data-testid=current-user]")!.TextContent);
    }
}
