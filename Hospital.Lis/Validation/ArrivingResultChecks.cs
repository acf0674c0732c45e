using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Validation;

/// <summary>
/// Checks run on patient results as they arrive (inside the import's transaction, so what they
/// set is stored with the values before the analyser gets its ACK): the delta check against the
/// patient's previous validated value of the same test, then auto-verification, which validates
/// and releases the results that pass every check (<see cref="AutoVerification"/>) as
/// <see cref="AutoValidator"/>. Values typed in by hand get the delta check only: the person who
/// typed them validates them.
/// </summary>
public sealed class ArrivingResultChecks(TimeProvider clock) : IArrivingResultsRule
{
    /// <summary>Shown as "validated by" on results the rules validated.</summary>
    public const string AutoValidator = "Tự động";

    /// <summary>Without a rule for the test, the previous value is still shown when it is this recent.</summary>
    public const int DefaultWindowDays = 30;

    public Task ApplyAsync(HospitalDbContext db, IReadOnlyList<LabResult> arriving, CancellationToken ct) =>
        CheckAsync(db, arriving, autoVerify: true, ct);

    public async Task CheckAsync(HospitalDbContext db, IReadOnlyList<LabResult> arriving, bool autoVerify, CancellationToken ct)
    {
        if (arriving.Count == 0) return;
        var testIds = arriving.Select(r => r.LabTestId).Distinct().ToList();
        var patientIds = arriving.Select(r => r.PatientId).Distinct().ToList();
        var rules = await db.Set<AutoVerificationRule>().AsNoTracking().Where(r => testIds.Contains(r.LabTestId)).ToDictionaryAsync(r => r.LabTestId, ct);
        var catalog = await db.Set<LabTest>().AsNoTracking().Where(t => testIds.Contains(t.Id))
            .Select(t => new { t.Id, t.ResultType, t.Unit }).ToDictionaryAsync(t => t.Id, ct);
        var longest = Math.Max(DefaultWindowDays, rules.Values.Select(r => r.DeltaWindowDays).DefaultIfEmpty(0).Max());
        var earliest = arriving.Min(At).AddDays(-longest);
        var specimenIds = arriving.Select(r => r.SpecimenId).Distinct().ToList();
        var previous = await db.Set<LabResult>().AsNoTracking()
            .Where(r => r.Status == LabResultStatus.Validated && patientIds.Contains(r.PatientId) && testIds.Contains(r.LabTestId)
                && r.NumericValue != null && r.ValidatedAt >= earliest && !specimenIds.Contains(r.SpecimenId))
            .Select(r => new { r.PatientId, r.LabTestId, Value = r.NumericValue!.Value, At = r.ValidatedAt!.Value })
            .ToListAsync(ct);
        var latest = previous.GroupBy(p => (p.PatientId, p.LabTestId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.At).Select(p => new PreviousResult(p.Value, p.At)).First());

        foreach (var r in arriving)
        {
            rules.TryGetValue(r.LabTestId, out var rule);
            latest.TryGetValue((r.PatientId, r.LabTestId), out var before);
            var delta = DeltaCheck.Evaluate(r.NumericValue, At(r), before, rule?.DeltaLimitPercent, rule?.DeltaWindowDays ?? DefaultWindowDays);
            r.PreviousValue = delta.Previous?.Value;
            r.PreviousAt = delta.Previous?.ValidatedAt;
            r.DeltaBreached = delta.Breached;
        }
        if (!autoVerify) return;

        var candidates = arriving.Where(r => r.Status == LabResultStatus.Pending && rules.TryGetValue(r.LabTestId, out var rule) && rule.AutoVerify).ToList();
        if (candidates.Count == 0) return;
        var orderTestIds = candidates.Select(r => r.LabOrderTestId).Distinct().ToList();
        var released = await db.Set<LabResult>().AsNoTracking()
            .Where(r => orderTestIds.Contains(r.LabOrderTestId) && r.ReleasedAt != null).Select(r => r.LabOrderTestId).Distinct().ToListAsync(ct);
        var orderOf = await db.Set<LabOrderTest>().AsNoTracking().Where(t => orderTestIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.ServiceOrderId, ct);
        var serviceOrderIds = orderOf.Values.Where(v => v is not null).Select(v => v!.Value).Distinct().ToList();
        var serviceOrders = await db.Set<ServiceOrder>().AsNoTracking().Where(o => serviceOrderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        var pass = candidates.Where(r =>
        {
            var test = catalog[r.LabTestId];
            var input = new AutoVerificationInput(true, test.ResultType, r.NumericValue, r.ReferenceRange, r.Flag, r.AnalyserFlags,
                r.DeltaBreached, r.Unit, test.Unit, released.Contains(r.LabOrderTestId));
            var order = orderOf[r.LabOrderTestId] is { } id ? serviceOrders.GetValueOrDefault(id) : null;
            return AutoVerification.Passes(input) && ResultSignOff.Releasable(order);
        }).ToList();
        await ResultSignOff.SignOffAsync(db, pass, AutoValidator, null, automatic: true, clock, ct);
    }

    private static DateTime At(LabResult r) => r.InstrumentAt ?? r.ReceivedAt;
}
