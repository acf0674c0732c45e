using Hospital.Domain.Insurance;
using Hospital.Domain.Insurance.Rules;
using Hospital.Domain.Outbox;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Simulator;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Services and endpoints of the Insurance feature folder: the dated BHYT benefit rules, the
/// BHXH portal client (or the in-process simulator in demo mode), the facility XML signer, the
/// outbox handlers for card checks and XML0 check-ins, and the reception's interactive card check.
/// Settings: section <c>Bhxh</c> (<see cref="BhxhOptions"/>).
/// </summary>
public static class InsuranceFeature
{
    public static IServiceCollection AddInsurance(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<BhxhOptions>(config.GetSection("Bhxh"));
        services.PostConfigure<BhxhOptions>(o => ApplySimulatorDefaults(o, config.GetValue("Demo:Enabled", false)));

        // The rule tables are read once; a bad file stops the start with its line and reason.
        services.AddSingleton(sp => BhytRuleTables.Load(
            BhytRuleTables.FindDirectory(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)
            ?? throw new InvalidOperationException("Không tìm thấy thư mục quy tắc BHYT db/rules (bhyt_visit_categories.csv).")));
        services.AddSingleton<BhytBenefitRules>();
        services.AddSingleton<IBhytBenefitRules>(sp => sp.GetRequiredService<BhytBenefitRules>());

        services.AddSingleton(sp => new BhxhTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BhxhOptions>>().Value;
            return new BhxhPortalSimulator(o.Username ?? "", o.Password ?? "", sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<BhxhSimulatorHost>();
        services.AddHttpClient<IBhxhPortal, BhxhPortalClient>((http, sp) =>
        {
            var o = sp.GetRequiredService<IOptions<BhxhOptions>>().Value;
            http.Timeout = TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds));
            Func<Uri?>? address = null;
            if (o.UseSimulator == true)
            {
                var simulator = sp.GetRequiredService<BhxhPortalSimulator>();
                // Until its first start the simulator has no port: calls fail as "portal unavailable" and are retried.
                address = () => simulator.Port != 0 ? simulator.BaseAddress : null;
            }
            return new BhxhPortalClient(http, o, sp.GetRequiredService<BhxhTokenCache>(), sp.GetRequiredService<TimeProvider>(), address);
        });

        services.AddSingleton<FacilitySigning>();
        services.AddScoped<CardCheckOfficers>();
        services.AddScoped<VisitCardChecks>();
        services.AddScoped<IOutboxHandler, BhxhCardCheckHandler>();
        services.AddScoped<IOutboxHandler, BhxhCheckInHandler>();
        return services;
    }

    public static void MapInsurance(this WebApplication app)
    {
        app.MapCardCheckEndpoint();
    }

    /// <summary>
    /// Demo installations with no portal address talk to the simulator, with an account of its
    /// own and a made-up officer, so a fresh demo can check cards without any setting.
    /// </summary>
    internal static void ApplySimulatorDefaults(BhxhOptions o, bool demo)
    {
        o.UseSimulator ??= demo && string.IsNullOrWhiteSpace(o.BaseUrl);
        if (o.UseSimulator != true) return;
        if (string.IsNullOrWhiteSpace(o.Username)) o.Username = "MOPHONG_BV";
        if (string.IsNullOrWhiteSpace(o.Password)) o.Password = "mo-phong";
        if (string.IsNullOrWhiteSpace(o.OfficerName)) o.OfficerName = "Cán bộ tiếp đón (mô phỏng)";
        if (string.IsNullOrWhiteSpace(o.OfficerCccd)) o.OfficerCccd = "001090000000";
    }
}
