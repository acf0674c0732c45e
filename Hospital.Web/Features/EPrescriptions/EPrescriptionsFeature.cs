using Hospital.Domain.Outbox;
using Hospital.Integration.Bhxh;
using Hospital.Integration.EPrescription;
using Hospital.Integration.EPrescription.Simulator;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.EPrescriptions;

/// <summary>
/// National e-prescription (donthuocquocgia.vn): submission of signed prescriptions through the
/// outbox, the HTTP client and its simulator, the sending board (issue 7 item 5). Settings: section
/// <c>EPrescription</c> (<see cref="EPrescriptionOptions"/>).
/// </summary>
public static class EPrescriptionsFeature
{
    public static IServiceCollection AddEPrescriptions(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<EPrescriptionOptions>(config.GetSection("EPrescription"));
        services.PostConfigure<EPrescriptionOptions>(o => ApplySimulatorDefaults(o, config.GetValue("Demo:Enabled", false)));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EPrescriptionOptions>>().Value;
            return new EPrescriptionSimulator(o.FacilityLinkCode ?? "", o.Password ?? "", sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<EPrescriptionSimulatorHost>();
        // BhxhTokenCache (one login per account and address) comes from the Insurance feature, registered before this one.
        services.AddHttpClient<IEPrescriptionClient, EPrescriptionClient>((http, sp) =>
        {
            var o = sp.GetRequiredService<IOptions<EPrescriptionOptions>>().Value;
            http.Timeout = TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds));
            Func<Uri?>? address = null;
            if (o.UseSimulator == true)
            {
                var simulator = sp.GetRequiredService<EPrescriptionSimulator>();
                // Until its first start the simulator has no port: sends fail as "unavailable" and are retried.
                address = () => simulator.Port != 0 ? simulator.BaseAddress : null;
            }
            return new EPrescriptionClient(http, o, sp.GetRequiredService<BhxhTokenCache>(), sp.GetRequiredService<TimeProvider>(), address);
        });
        services.AddScoped<IOutboxHandler, EPrescriptionSendHandler>();
        services.AddScoped<EPrescriptionResend>();
        return services;
    }

    public static void MapEPrescriptions(this WebApplication app)
    {
        app.MapEPrescriptionBoardEndpoints();
    }

    /// <summary>Demo installations with no address talk to the simulator with an account of its own.</summary>
    internal static void ApplySimulatorDefaults(EPrescriptionOptions o, bool demo)
    {
        o.UseSimulator ??= demo && string.IsNullOrWhiteSpace(o.BaseUrl);
        if (o.UseSimulator != true) return;
        if (string.IsNullOrWhiteSpace(o.FacilityLinkCode)) o.FacilityLinkCode = "MOPHONG0001";
        if (string.IsNullOrWhiteSpace(o.Password)) o.Password = "mo-phong";
    }
}
