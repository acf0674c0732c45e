using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.LabValidation;

/// <summary>One value of a test as the worklist shows it (the current one, or an earlier one in the history).</summary>
public sealed record WorklistValue(long Id, string Value, string? Unit, string? ReferenceRange, ResultFlag Flag, string? AnalyserFlags,
    string? Analyser, DateTime ReceivedAt, LabResultStatus Status, string? StatusReason, DateTime? StatusChangedAt, string? StatusChangedBy,
    decimal? PreviousValue, DateTime? PreviousAt, bool DeltaBreached, bool AutoVerified, DateTime? ReleasedAt, DateTime? SupersededAt);

/// <summary>One ordered test of a specimen: its current value (if any), earlier values, and whether it is typed in by hand.</summary>
public sealed record WorklistTest(long OrderTestId, string Code, string Name, string? Section, LabTestStatus Status, bool Manual,
    WorklistValue? Current, IReadOnlyList<WorklistValue> History)
{
    public bool Pending => Current?.Status == LabResultStatus.Pending;
    /// <summary>A value was released to the doctor before the one now waiting (a rerun after release).</summary>
    public WorklistValue? ReleasedBefore => Pending ? History.FirstOrDefault(h => h.ReleasedAt is not null) : null;
    public bool AwaitsTyping => Manual && Current is not { Status: LabResultStatus.Pending or LabResultStatus.Validated }
        && Status is >= LabTestStatus.Received and < LabTestStatus.Cancelled;
}

public sealed record WorklistSpecimen(long Id, string Barcode, SpecimenType SpecimenType, bool Stat, string PatientName, string PatientCode,
    Sex Sex, DateOnly? DateOfBirth, int BirthYear, DateTime? ReceivedAt, IReadOnlyList<WorklistTest> Tests)
{
    public int PendingCount => Tests.Count(t => t.Pending);
}

/// <summary>
/// The validation worklist: received specimens that have results waiting for validation (or
/// tests waiting to be typed in), oldest first so nothing waits forever, filtered by lab section
/// and analyser; each with all its tests, their current values and their history.
/// </summary>
public static class ValidationWorklistModel
{
    public const int Limit = 40;

    public static async Task<IReadOnlyList<WorklistSpecimen>> LoadAsync(HospitalDbContext db, string? section, string? analyser, CancellationToken ct)
    {
        var pending = db.Set<LabResult>().AsNoTracking().Where(r => r.SupersededAt == null && r.Status == LabResultStatus.Pending);
        if (!string.IsNullOrEmpty(analyser)) pending = pending.Where(r => r.Analyser == analyser);
        if (!string.IsNullOrEmpty(section))
            pending = pending.Where(r => db.Set<LabTest>().Any(t => t.Id == r.LabTestId && t.Section == section));
        var withResults = await pending.GroupBy(r => r.SpecimenId).Select(g => new { Id = g.Key, At = g.Min(r => r.ReceivedAt) })
            .OrderBy(x => x.At).Take(Limit).Select(x => x.Id).ToListAsync(ct);

        var ids = withResults;
        if (string.IsNullOrEmpty(analyser))
        {
            // Tests no analyser runs, received and still without a value to validate: typed in here.
            var manual = db.Set<LabOrderTest>().AsNoTracking()
                .Where(t => t.Status >= LabTestStatus.Received && t.Status <= LabTestStatus.Resulted
                    && !db.Set<AnalyserTestCode>().Any(c => c.LabTestId == t.LabTestId)
                    && !db.Set<LabResult>().Any(r => r.LabOrderTestId == t.Id && r.SupersededAt == null && (r.Status == LabResultStatus.Pending || r.Status == LabResultStatus.Validated)));
            if (!string.IsNullOrEmpty(section)) manual = manual.Where(t => t.LabTest!.Section == section);
            var typed = await manual.Select(t => t.SpecimenId).Distinct().OrderBy(id => id).Take(Limit).ToListAsync(ct);
            ids = withResults.Concat(typed.Where(id => !withResults.Contains(id))).Take(Limit).ToList();
        }
        if (ids.Count == 0) return [];

        var specimens = await db.Set<Specimen>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.Barcode, s.SpecimenType, s.PatientId, s.ReceivedAt, Stat = s.LabOrder!.Priority == OrderPriority.Stat,
            }).ToListAsync(ct);
        var patientIds = specimens.Select(s => s.PatientId).Distinct().ToList();
        var patients = await db.Set<Patient>().AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, p.Code, p.Sex, p.DateOfBirth, p.BirthYear }).ToDictionaryAsync(p => p.Id, ct);
        var tests = await db.Set<LabOrderTest>().AsNoTracking().Where(t => ids.Contains(t.SpecimenId) && t.Status != LabTestStatus.Cancelled)
            .Select(t => new
            {
                t.Id, t.SpecimenId, t.TestCode, t.LabTest!.Name, t.LabTest.Section, t.LabTest.Position, t.Status,
                Manual = !db.Set<AnalyserTestCode>().Any(c => c.LabTestId == t.LabTestId),
            }).ToListAsync(ct);
        var values = (await db.Set<LabResult>().AsNoTracking().Where(r => ids.Contains(r.SpecimenId)).ToListAsync(ct))
            .ToLookup(r => r.LabOrderTestId);

        return ids.Select(id => specimens.Single(s => s.Id == id)).Select(s =>
        {
            var p = patients[s.PatientId];
            var rows = tests.Where(t => t.SpecimenId == s.Id)
                .Where(t => string.IsNullOrEmpty(section) || t.Section == section)
                .OrderBy(t => t.Position).ThenBy(t => t.Id)
                .Select(t =>
                {
                    var all = values[t.Id].OrderByDescending(r => r.Id).Select(Value).ToList();
                    var current = all.FirstOrDefault(v => v.SupersededAt is null);
                    return new WorklistTest(t.Id, t.TestCode, t.Name, t.Section, t.Status, t.Manual, current, all.Where(v => v != current).ToList());
                }).ToList();
            return new WorklistSpecimen(s.Id, s.Barcode, s.SpecimenType, s.Stat, p.FullName, p.Code, p.Sex, p.DateOfBirth, p.BirthYear, s.ReceivedAt, rows);
        }).ToList();
    }

    private static WorklistValue Value(LabResult r) => new(r.Id, r.Value, r.Unit, r.ReferenceRange, r.Flag, r.AnalyserFlags, r.Analyser,
        r.ReceivedAt, r.Status, r.StatusReason, r.StatusChangedAt, r.StatusChangedBy, r.PreviousValue, r.PreviousAt, r.DeltaBreached,
        r.AutoVerified, r.ReleasedAt, r.SupersededAt);

    /// <summary>Sections of the catalog and active analysers, for the filters.</summary>
    public static async Task<(IReadOnlyList<string> Sections, IReadOnlyList<string> Analysers)> FiltersAsync(HospitalDbContext db, CancellationToken ct)
    {
        var sections = await db.Set<LabTest>().AsNoTracking().Where(t => t.IsActive && t.Section != null).Select(t => t.Section!).Distinct().OrderBy(s => s).ToListAsync(ct);
        var analysers = await db.Set<Analyser>().AsNoTracking().Select(a => a.Name).OrderBy(n => n).ToListAsync(ct);
        return (sections, analysers);
    }
}
