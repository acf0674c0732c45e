using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Inserts the demo patients (<see cref="DemoPatientGenerator"/>) drawn from the catalogs
/// loaded at start, in batches so 2,000 patients with their cards take a few seconds.
/// </summary>
public sealed class DemoPatients(HospitalDbContext db, TimeProvider clock, PatientCodeOptions codes, ILogger<DemoPatients> log)
{
    private const int BatchSize = 500;

    public async Task SeedAsync(int count, CancellationToken ct)
    {
        if (count <= 0) return;
        var refs = await LoadReferencesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Platform.VietnamTime.Today(clock);
        var patients = DemoPatientGenerator.Generate(count, refs, today, now);

        var started = clock.GetTimestamp();
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in patients.Chunk(BatchSize))
            {
                // Codes from the same sequence reception uses, so new registrations continue after the demo ones.
                foreach (var p in batch)
                    p.Code = IdentifierSequences.Format(codes.PatientCodeFormat, await IdentifierSequences.NextAsync(db, IdentifierSequences.PatientCode, ct), today);
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                foreach (var p in batch)
                    foreach (var (key, index) in PatientNameKeys.For(p.SearchKey))
                        db.Add(new PatientNameKey { Key = key, PatientId = p.Id, WordIndex = index });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        log.LogInformation("Seeded {Count} demo patients in {Elapsed} ms", patients.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The catalogs demo patients are drawn from; the reception benchmark generates its million patients from them too.</summary>
    public async Task<DemoPatientReferences> LoadReferencesAsync(CancellationToken ct)
    {
        var communes = await db.Set<Commune>().AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.Code).Select(c => new DemoCommune(c.Code, c.ProvinceCode, c.Kind)).ToListAsync(ct);
        var provinces = await db.Set<Province>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(ct);
        var groups = await db.Set<BhytBeneficiaryGroup>().AsNoTracking().Where(g => g.IsActive)
            .ToDictionaryAsync(g => g.Code, g => g.BenefitLevel, ct);
        var occupations = await db.Set<Occupation>().AsNoTracking().Where(o => o.IsActive && o.Level == 5).Select(o => o.Code).ToListAsync(ct);
        var ethnicities = await db.Set<Ethnicity>().AsNoTracking().Where(e => e.IsActive).Select(e => e.Code).ToListAsync(ct);
        return new DemoPatientReferences(communes, provinces, groups, occupations.ToHashSet(), ethnicities.ToHashSet());
    }
}
