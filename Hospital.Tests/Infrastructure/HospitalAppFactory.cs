using Hospital.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Hospital.Tests.Infrastructure;

/// <summary>
/// The real application over a fresh database of one provider, in demo mode with a known
/// password and API key and a small patient count. Migrations and seeding run as at a real start.
/// </summary>
public sealed class HospitalAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo12345x";
    public const string ApiKey = "hk_test_demo_key_0123456789abcdefghijklmnop";

    public TestDatabase Database { get; }
    private readonly Dictionary<string, string?> _settings;

    private HospitalAppFactory(TestDatabase database, IDictionary<string, string?>? settings)
    {
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Hospital"] = database.ConnectionString,
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "hospital-tests", "data-" + Guid.NewGuid().ToString("N")),
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = Password,
            ["Demo:ApiKey"] = ApiKey,
            ["Demo:Patients"] = "40",
            // No demo visits: tests that need visits register their own and count what they made.
            ["Demo:Visits"] = "0",
            ["Demo:ConcludedVisits"] = "0",
            ["Demo:WaitingLabOrders"] = "0",
            // No demo stock: pharmacy tests receive their own and count what is on hand.
            ["Demo:Stock"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // Tests provoke database errors on purpose (readiness with a dropped table); EF's own error lines are noise there.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        };
        if (settings is not null)
            foreach (var (k, v) in settings) _settings[k] = v;
    }

    /// <summary>A started app on a new database of <paramref name="provider"/>.</summary>
    public static async Task<HospitalAppFactory> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, bool kestrel = false) =>
        Start(await TestDatabase.CreateAsync(provider), settings, kestrel);

    /// <summary>A started app on an existing database (e.g. a second instance of the same hospital).</summary>
    public static HospitalAppFactory Start(TestDatabase db, IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var app = new HospitalAppFactory(db, settings);
        if (kestrel) app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>What the app logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Only the captured logs: the JSON console lines of dozens of test apps would bury the test output.
        builder.ConfigureLogging(l => { l.ClearProviders(); l.AddProvider(Logs); });
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public WebSession NewSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The address of the Kestrel server (only when started with kestrel: true).</summary>
    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Set when several instances share one database: only the last one drops it.</summary>
    public bool OwnsDatabase { get; set; } = true;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) await Database.DisposeAsync();
    }
}
