using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Validation;

/// <summary>What a sign-off did: results validated and released, EMR orders written, critical alerts raised.</summary>
public sealed record SignOffOutcome(int Validated, int OrdersReleased, IReadOnlyList<CriticalValueAlert> Alerts);

/// <summary>
/// Validation of lab results and their release to the EMR, shared by the technician's validation
/// and by auto-verification so both do exactly the same: each result becomes Validated and
/// released, its test Released, the values go to every EMR order involved through
/// <see cref="LabResultRelease"/> (which supersedes a value released before: a rerun), and each
/// critical value raises a <see cref="CriticalValueAlert"/> for the ordering doctor. Changes are
/// made in the context; the caller saves once, so a validation and its release land together.
/// </summary>
public static class ResultSignOff
{
    /// <summary>Source printed in the EMR for a value typed in by a technician (LabResultRelease's "thủ công").</summary>
    public const string ManualSource = "thủ công";

    /// <exception cref="DomainException">An EMR order of these results was cancelled (LabResultRelease's message).</exception>
    public static async Task<SignOffOutcome> SignOffAsync(HospitalDbContext db, IReadOnlyList<LabResult> results, string by, int? staffId,
        bool automatic, TimeProvider clock, CancellationToken ct)
    {
        if (results.Count == 0) return new SignOffOutcome(0, 0, []);
        var now = clock.GetUtcNow().UtcDateTime;
        var testIds = results.Select(r => r.LabOrderTestId).Distinct().ToList();
        var tests = await db.Set<LabOrderTest>().Include(t => t.LabTest).Where(t => testIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var r in results)
        {
            r.Status = LabResultStatus.Validated;
            r.ValidatedAt = now;
            r.ValidatedBy = by;
            r.AutoVerified = automatic;
            r.StatusChangedAt = now;
            r.StatusChangedBy = by;
            r.StatusReason = null;
            r.ReleasedAt = now;
            var test = tests[r.LabOrderTestId];
            test.Status = LabTestStatus.Released;
            test.StatusChangedAt = now;
        }

        var orderIds = tests.Values.Where(t => t.ServiceOrderId is not null).Select(t => t.ServiceOrderId!.Value).Distinct().ToList();
        var orders = await db.Set<ServiceOrder>().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var group in results.GroupBy(r => tests[r.LabOrderTestId].ServiceOrderId).Where(g => g.Key is not null))
        {
            var order = orders[group.Key!.Value];
            var expected = await db.Set<LabServiceTest>().Where(s => s.ServiceId == order.ServiceId)
                .Select(s => s.LabTest!.Code).ToListAsync(ct);
            // In report order, as the EMR lists released values in the order they were written.
            var values = group.OrderBy(r => tests[r.LabOrderTestId].LabTest!.Position).ThenBy(r => r.TestCode).Select(r => new ReleasedValue(r.TestCode, tests[r.LabOrderTestId].LabTest!.Name, r.Value, r.Unit,
                r.ReferenceRange, r.Flag, r.InstrumentAt ?? r.ReceivedAt, r.Analyser ?? ManualSource)).ToList();
            await LabResultRelease.ReleaseAsync(db, order.Id, expected, values, by, staffId, clock, ct);
        }

        var alerts = new List<CriticalValueAlert>();
        foreach (var r in results.Where(r => r.Flag is ResultFlag.CriticalLow or ResultFlag.CriticalHigh))
        {
            var test = tests[r.LabOrderTestId];
            var order = test.ServiceOrderId is { } id ? orders[id] : null;
            var visitId = order?.VisitId ?? await db.Set<LabOrder>().Where(o => o.Id == test.LabOrderId).Select(o => o.VisitId).FirstOrDefaultAsync(ct);
            alerts.Add(new CriticalValueAlert
            {
                LabResultId = r.Id,
                PatientId = r.PatientId,
                VisitId = visitId,
                ServiceOrderId = order?.Id,
                NotifyUser = order?.OrderedBy,
                TestCode = r.TestCode,
                TestName = test.LabTest!.Name,
                Value = r.Value,
                Unit = r.Unit,
                Flag = r.Flag,
                RaisedAt = now,
                RaisedBy = by,
            });
        }
        db.AddRange(alerts);
        return new SignOffOutcome(results.Count, orderIds.Count, alerts);
    }

    /// <summary>Whether the EMR order of a test can still take results (not cancelled or voided): auto-verification leaves the others to a person.</summary>
    public static bool Releasable(ServiceOrder? order) =>
        order is null || (!order.IsVoided() && order.Status != OrderStatus.Cancelled);
}
