using Hospital.Integration.EPrescription;
using Hospital.Integration.EPrescription.Simulator;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.EPrescriptions;

/// <summary>Runs the national e-prescription simulator on a loopback port when <c>EPrescription:UseSimulator</c> is on (the default in demo mode without a BaseUrl).</summary>
internal sealed class EPrescriptionSimulatorHost(EPrescriptionSimulator simulator, IOptions<EPrescriptionOptions> options, ILogger<EPrescriptionSimulatorHost> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.UseSimulator != true) return;
        simulator.Unavailable = options.Value.SimulatorUnavailable;
        await simulator.StartAsync(options.Value.SimulatorPort, ct);
        log.LogInformation("National e-prescription simulator listening on {Address}", simulator.BaseAddress);
    }

    public Task StopAsync(CancellationToken ct) => simulator.StopAsync(ct);
}
