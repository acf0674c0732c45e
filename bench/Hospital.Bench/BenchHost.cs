using Hospital.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Hospital.Bench;

/// <summary>
/// The real application composed as in production (same services, migrations and demo seeding of
/// catalogs, rooms and users) but not listening: the benchmark calls its services directly.
/// </summary>
public static class BenchHost
{
    public static async Task<WebApplication> StartAsync(string provider, string connectionString, string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Hospital"] = connectionString,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Demo:Enabled"] = "true",
            ["Demo:Patients"] = "0",
            ["Demo:Password"] = "Bench12345x",
            ["Outbox:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.AddHospital();
        var app = builder.Build();
        await app.UseHospitalAsync();
        return app;
    }
}
