using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Hospital.Web.Demo;

/// <summary>
/// Outside demo mode, a new installation has no users. The first administrator's password
/// comes from <c>Admin__InitialPassword</c> or, when a person is at the console, is asked for there.
/// </summary>
public static class FirstAdministrator
{
    public static async Task EnsureAsync(IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any()) return;
        var password = config["Admin:InitialPassword"];
        if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
        {
            Console.Write("Cơ sở dữ liệu mới: nhập mật khẩu cho tài khoản 'admin' / new database, enter a password for 'admin': ");
            password = ReadHidden();
        }
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException(
                "Cơ sở dữ liệu chưa có tài khoản nào. Đặt Admin__InitialPassword hoặc chạy ở console để nhập mật khẩu quản trị. " +
                "(No users yet: set Admin__InitialPassword or start from a console.)");
        var admin = new AppUser { UserName = "admin", FullName = "Quản trị hệ thống", CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Mật khẩu quản trị không hợp lệ: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); continue; }
            chars.Add(key.KeyChar);
        }
        Console.WriteLine();
        return new string(chars.ToArray());
    }
}
