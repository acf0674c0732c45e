using System.Net;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Admin.AdminPages;

namespace Hospital.Tests.Admin;

/// <summary>The user screens over HTTP, as an administrator uses them, on each database.</summary>
public sealed class UserAdministrationTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_creates_a_user_with_two_roles_who_then_signs_in_to_both_modules(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");

        // Every problem of the form at once, in Vietnamese, and nothing created.
        var (refused, page) = await PostAsync(admin, "/admin/users/new", "[data-testid=user-create-form]",
            ("Input.UserName", "bs lan"), ("Input.FullName", "Nguyễn Thị Lan"),
            ("Input.Password", "matkhau1"), ("Input.ConfirmPassword", "matkhau2"), ("Input.StaffId", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var messages = Messages(page).ToList();
        Assert.Contains("Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - (không có khoảng trắng).", messages);
        Assert.Contains("Hai lần nhập mật khẩu không khớp.", messages);
        Assert.Contains("Chọn ít nhất một vai trò.", messages);

        // Identity's password policy speaks Vietnamese too.
        (refused, page) = await PostAsync(admin, "/admin/users/new", "[data-testid=user-create-form]",
            ("Input.UserName", "bs.lan"), ("Input.FullName", "Nguyễn Thị Lan"),
            ("Input.Password", "matkhau"), ("Input.ConfirmPassword", "matkhau"), ("roles", "Doctor"));
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số.", Messages(page));

        var (created, _) = await PostAsync(admin, "/admin/users/new", "[data-testid=user-create-form]",
            ("Input.UserName", "bs.lan"), ("Input.FullName", "Nguyễn Thị Lan"),
            ("Input.Password", "matkhau1"), ("Input.ConfirmPassword", "matkhau1"),
            ("roles", "Doctor"), ("roles", "LabTech"));
        Assert.True(WebSession.IsRedirectTo(created, "/admin/users/"), $"create: {(int)created.StatusCode}");
        var (_, toast) = await FollowAsync(admin, created);
        Assert.Equal("Đã tạo người dùng bs.lan.", toast);

        // The list finds her without accents and shows both roles by their Vietnamese names.
        var (_, list) = await admin.GetPageAsync("/admin/users?q=nguyen+lan");
        var row = Assert.Single(list.QuerySelectorAll("#users tbody tr"));
        Assert.Contains("bs.lan", row.TextContent);
        Assert.Contains("Bác sĩ", row.TextContent);
        Assert.Contains("Kỹ thuật viên xét nghiệm", row.TextContent);

        using var lan = await SignedInAsync(app, "bs.lan", "matkhau1");
        var (_, home) = await lan.GetPageAsync("/");
        Assert.Equal(new[] { "module:clinic", "module:lab" },
            home.QuerySelectorAll("[data-testid=main-menu] a[data-module]").Select(a => a.GetAttribute("data-module")!).ToArray());
        Assert.True(WebSession.IsRedirectTo(await lan.Client.GetAsync("/admin/users"), "/account/access-denied"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Reset_password_replaces_the_old_one(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        var url = "/admin/users/" + await UserIdAsync(admin, "cashier");

        var (refused, page) = await PostAsync(admin, url, "[data-testid=user-password-form]",
            ("Password.Password", "ngan"), ("Password.ConfirmPassword", "ngan"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", Messages(page));

        var (reset, _) = await PostAsync(admin, url, "[data-testid=user-password-form]",
            ("Password.Password", "thungan2026"), ("Password.ConfirmPassword", "thungan2026"));
        Assert.True(WebSession.IsRedirectTo(reset, url));
        Assert.Equal("Đã đặt mật khẩu mới cho cashier.", (await FollowAsync(admin, reset)).Toast);

        using var old = app.NewSession();
        Assert.False(WebSession.IsRedirectTo(await old.SignInAsync("cashier"), "/"));
        using var cashier = await SignedInAsync(app, "cashier", "thungan2026");
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deactivated_user_cannot_sign_in_until_reactivated_and_admins_cannot_lock_themselves_out(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        var url = "/admin/users/" + await UserIdAsync(admin, "pharmacist");

        var (deactivated, _) = await PostAsync(admin, url, "[data-testid=user-status-form]");
        Assert.True(WebSession.IsRedirectTo(deactivated, url));
        var (page, toast) = await FollowAsync(admin, deactivated);
        Assert.Equal("Đã vô hiệu hóa tài khoản pharmacist.", toast);
        Assert.NotNull(page.QuerySelector("[data-testid=user-state] [data-testid=state-inactive]"));

        using var pharmacist = app.NewSession();
        var refused = await pharmacist.SignInAsync("pharmacist");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.", await refused.Content.ReadAsStringAsync());

        var (reactivated, _) = await PostAsync(admin, url, "[data-testid=user-status-form]");
        Assert.Equal("Đã kích hoạt lại tài khoản pharmacist.", (await FollowAsync(admin, reactivated)).Toast);
        Assert.True(WebSession.IsRedirectTo(await pharmacist.SignInAsync("pharmacist"), "/"));

        // The admin's own account: neither deactivation nor dropping the Admin role.
        var self = "/admin/users/" + await UserIdAsync(admin, "admin");
        var (selfStatus, selfPage) = await PostAsync(admin, self, "[data-testid=user-status-form]");
        Assert.Equal(HttpStatusCode.OK, selfStatus.StatusCode);
        Assert.Contains("Bạn không thể vô hiệu hóa tài khoản của chính mình.", Messages(selfPage));
        var (selfRoles, rolesPage) = await PostAsync(admin, self, "[data-testid=user-profile-form]",
            ("Profile.FullName", "Nguyễn Quản Trị"), ("Profile.StaffId", ""), ("roles", "Doctor"));
        Assert.Equal(HttpStatusCode.OK, selfRoles.StatusCode);
        Assert.Contains("Bạn không thể tự bỏ vai trò Quản trị hệ thống của chính mình.", Messages(rolesPage));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_locked_out_user_is_shown_as_such_and_unlocked_by_the_admin(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        using var nurse = app.NewSession();
        for (var i = 0; i < 5; i++) await nurse.SignInAsync("nurse", "sai-mat-khau-1");
        Assert.False(WebSession.IsRedirectTo(await nurse.SignInAsync("nurse"), "/"));

        var (_, list) = await admin.GetPageAsync("/admin/users?q=nurse");
        Assert.NotNull(list.QuerySelector("#users tbody [data-testid=state-locked]"));
        var url = "/admin/users/" + await UserIdAsync(admin, "nurse");
        var (unlocked, _) = await PostAsync(admin, url, "[data-testid=user-unlock-form]");
        Assert.Equal("Đã mở khóa tài khoản nurse.", (await FollowAsync(admin, unlocked)).Toast);
        Assert.True(WebSession.IsRedirectTo(await nurse.SignInAsync("nurse"), "/"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Admin_users_api_lists_without_secrets_and_is_for_admins_only(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        var response = await admin.Client.GetAsync("/api/v1/admin/users?q=giam+dinh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(1, doc.RootElement.GetProperty("total").GetInt32());
        var user = doc.RootElement.GetProperty("items")[0];
        Assert.Equal("insurance", user.GetProperty("userName").GetString());
        Assert.Equal("InsuranceOfficer", user.GetProperty("roles")[0].GetString());
        Assert.DoesNotContain("passwordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);

        using var doctor = await SignedInAsync(app, "doctor");
        var denied = await doctor.Client.GetAsync("/api/v1/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Non_admins_are_turned_away_from_every_admin_page_and_form(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var admin = await SignedInAsync(app, "admin");
        var userUrl = "/admin/users/" + await UserIdAsync(admin, "reception");
        string[] pages = ["/admin", "/admin/users", "/admin/users/new", userUrl, "/admin/roles", "/admin/api-keys",
                          "/admin/api-keys/new", "/admin/api-keys/created", "/admin/facility"];
        foreach (var url in pages)
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(url)).StatusCode);

        using var reception = await SignedInAsync(app, "reception");
        foreach (var url in pages)
            Assert.True(WebSession.IsRedirectTo(await reception.Client.GetAsync(url), "/account/access-denied"), url);

        // A form post from a non-admin changes nothing, even with a valid antiforgery token of its own.
        var (_, home) = await reception.GetPageAsync("/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await reception.Client.PostAsync(userUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "user-status",
        }));
        Assert.True(WebSession.IsRedirectTo(post, "/account/access-denied"));
        var (_, after) = await admin.GetPageAsync(userUrl);
        Assert.NotNull(after.QuerySelector("[data-testid=user-state] [data-testid=state-active]"));
    }
}
