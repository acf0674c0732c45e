using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hospital.Web.Demo;

/// <summary>
/// Prints the address, the demo logins and the demo API key once the server listens, as plain
/// console lines a person can read among the JSON logs.
/// </summary>
public static class DemoBanner
{
    private static DemoCredentials? _credentials;

    public static void Remember(DemoCredentials credentials) => _credentials = credentials;

    public static void PrintWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine("============================================================");
            Console.WriteLine($" Hospital đang chạy tại / is running at: {url}");
            if (_credentials is { } c)
            {
                Console.WriteLine(" Chế độ demo / demo mode. Tài khoản / logins:");
                foreach (var (user, role, _) in DemoOptions.Users)
                    Console.WriteLine($"   {user,-11} {role,-17} mật khẩu / password: {c.Password}");
                Console.WriteLine($" Khóa API demo / demo API key (X-Api-Key, Admin): {c.ApiKey}");
                Console.WriteLine($" Bảng gọi số / queue board (TV, no sign-in): {url.TrimEnd('/')}{DemoQueueBoard.Path}");
            }
            Console.WriteLine("============================================================");
            Console.WriteLine();
        });
    }
}
