using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Analysers;

/// <summary>
/// What an analyser should run on a specimen (issue 5 item 9): the answer to its host query and
/// the worklist pushed to broadcast analysers on receipt. Only tests still waiting for a value
/// (ordered, collected, received, on analyser) and known to that analyser's code map are listed,
/// each with the analyser's own code — a chemistry analyser is never asked for a blood count on
/// a tube that carries both.
/// </summary>
public sealed class SpecimenWorklist(HospitalDbContext db, TimeProvider clock)
{
    private static readonly LabTestStatus[] Waiting =
        [LabTestStatus.Ordered, LabTestStatus.Collected, LabTestStatus.Received, LabTestStatus.OnAnalyser];

    /// <returns>null when no specimen has the barcode; a work order with no tests when nothing is pending on this analyser.</returns>
    public async Task<SpecimenWorkOrder?> ForAnalyserAsync(string analyser, string barcode, CancellationToken ct = default)
    {
        var code = barcode.Trim();
        if (code.Length == 0) return null;
        var specimen = await db.Set<Specimen>().AsNoTracking().Where(s => s.Barcode == code)
            .Select(s => new
            {
                s.Id, s.Barcode, s.SpecimenType, s.CollectedAt, s.PatientId,
                s.LabOrder!.Priority, s.LabOrder.OrderedBy,
                Tests = s.Tests.Where(t => Waiting.Contains(t.Status)).Select(t => new { t.LabTestId, t.TestCode, t.LabTest!.Name, t.LabTest.Position }).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (specimen is null) return null;
        var patient = await db.Set<Patient>().AsNoTracking().Where(p => p.Id == specimen.PatientId)
            .Select(p => new { p.Code, p.FullName, p.DateOfBirth, p.BirthYear, p.Sex }).SingleAsync(ct);
        var map = await CodeMapAsync(analyser, ct);
        var tests = specimen.Tests.OrderBy(t => t.Position)
            .Where(t => map.ContainsKey(t.LabTestId))
            .Select(t => new PendingTest(t.TestCode, map[t.LabTestId], t.Name)).ToList();
        return new SpecimenWorkOrder(specimen.Barcode, specimen.SpecimenType, specimen.Priority, specimen.CollectedAt,
            patient.Code, patient.FullName, patient.DateOfBirth, patient.BirthYear, patient.Sex, specimen.OrderedBy, null, tests);
    }

    /// <summary>
    /// Active bidirectional analysers configured for broadcast whose code map covers at least one of
    /// <paramref name="testCodes"/>: where a received specimen's worklist is pushed.
    /// </summary>
    public async Task<IReadOnlyList<string>> BroadcastAnalysersForAsync(IReadOnlyCollection<string> testCodes, CancellationToken ct = default)
    {
        if (testCodes.Count == 0) return [];
        var upper = testCodes.Select(c => c.ToUpperInvariant()).ToList();
        var testIds = db.Set<LabTest>().Where(t => upper.Contains(t.Code.ToUpper())).Select(t => t.Id);
        return await db.Set<Analyser>().AsNoTracking()
            .Where(a => a.IsActive && a.Broadcast && a.Direction == AnalyserDirection.Bi)
            .Where(a => db.Set<AnalyserTestCode>().Any(c => c.Analyser == a.Name && testIds.Contains(c.LabTestId)))
            .OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(ct);
    }

    /// <summary>The analyser has been sent (or has asked for and received) these tests of the specimen: they are now on the analyser.</summary>
    public async Task MarkOnAnalyserAsync(string barcode, IReadOnlyCollection<string> testCodes, CancellationToken ct = default)
    {
        if (testCodes.Count == 0) return;
        var tests = await db.Set<LabOrderTest>()
            .Where(t => t.Specimen!.Barcode == barcode.Trim() && testCodes.Contains(t.TestCode) && Waiting.Contains(t.Status) && t.Status != LabTestStatus.OnAnalyser)
            .ToListAsync(ct);
        if (tests.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in tests)
        {
            t.Status = LabTestStatus.OnAnalyser;
            t.StatusChangedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Our test id → the analyser's code (the first, when a test has several codes on one analyser).</summary>
    private async Task<Dictionary<int, string>> CodeMapAsync(string analyser, CancellationToken ct) =>
        (await db.Set<AnalyserTestCode>().AsNoTracking().Where(c => c.Analyser == analyser).OrderBy(c => c.Id)
            .Select(c => new { c.LabTestId, c.AnalyserCode }).ToListAsync(ct))
        .GroupBy(c => c.LabTestId).ToDictionary(g => g.Key, g => g.First().AnalyserCode);
}
