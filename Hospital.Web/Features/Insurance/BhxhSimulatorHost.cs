using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Simulator;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Insurance;

/// <summary>
/// Runs the BHXH portal simulator on a loopback port when <c>Bhxh:UseSimulator</c> is on (the
/// default in demo mode without a BaseUrl), and teaches it the cards already stored, so an
/// expired demo card answers 010 as the real portal would. Cards added later are answered by
/// shape (000 with this year's validity).
/// </summary>
internal sealed class BhxhSimulatorHost(
    BhxhPortalSimulator simulator, IOptions<BhxhOptions> options, IServiceScopeFactory scopes, ILogger<BhxhSimulatorHost> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.UseSimulator != true) return;
        await SeedAsync(ct);
        simulator.Unavailable = options.Value.SimulatorUnavailable;
        await simulator.StartAsync(options.Value.SimulatorPort, ct);
        log.LogInformation("BHXH portal simulator listening on {Address}", simulator.BaseAddress);
    }

    public Task StopAsync(CancellationToken ct) => simulator.StopAsync(ct);

    private async Task SeedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        var cards = await db.Set<BhytCard>().AsNoTracking()
            .Where(c => c.VoidedAt == null)
            .Join(db.Set<Patient>(), c => c.PatientId, p => p.Id, (c, p) => new { Card = c, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex, p.Cccd })
            .ToListAsync(ct);
        foreach (var x in cards)
            simulator.AddCard(new SimulatedCard
            {
                CardNumber = x.Card.Number,
                FullName = x.FullName,
                BirthDate = x.DateOfBirth,
                BirthYear = x.BirthYear,
                Sex = x.Sex switch { Sex.Male => "Nam", Sex.Female => "Nữ", _ => "" },
                Cccd = x.Cccd,
                RegisteredFacilityCode = x.Card.RegisteredFacilityCode,
                ValidFrom = x.Card.ValidFrom,
                ValidTo = x.Card.ValidTo,
                FiveYearsContinuousFrom = x.Card.FiveYearsContinuousFrom,
                AreaCode = x.Card.AreaCode,
            });
    }
}
