using Hospital.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hospital.Bench;

/// <summary>
/// The real application composed as in production (same services, migrations and demo seeding of
/// catalogs, rooms and users). Not listening unless <paramref name="listenUrl"/> is given: the
/// benchmarks call its services directly, and the chart benchmark also requests the page.
/// </summary>
public static class BenchHost
{
    public const string Password = "Bench12345x";

    public static async Task<WebApplication> StartAsync(string provider, string connectionString, string dataDirectory, string? listenUrl = null)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Hospital"] = connectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Demo:Enabled"] = "true",
            ["Demo:Patients"] = "0",
            ["Demo:Password"] = Password,
            ["Outbox:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        if (listenUrl is not null) builder.WebHost.UseUrls(listenUrl);
        builder.AddHospital();
        var app = builder.Build();
        await app.UseHospitalAsync();
        if (listenUrl is not null) await app.StartAsync();
        return app;
    }
}
