using System.Globalization;
using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Hospital.Lis.Results;
using Hospital.Lis.Specimens;
using Hospital.Lis.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// The lab's part of the demo, done through the LIS's own services the way the lab does it: the
/// EMR request becomes barcoded tubes, the tubes are received, the demo analysers (XN1, BS1) send
/// their values through the result import (code maps, flags, delta checks), tests no analyser runs
/// are typed in, and the technician validates, which releases the values to the doctor's exam.
/// Left unvalidated, the tubes wait on the validation worklist.
/// </summary>
public sealed class DemoLabWork(IServiceProvider services, TimeProvider clock, ILogger<DemoLabWork> log)
{
    private sealed record DemoLabUser(string? UserId, string UserName) : IAuditUser;

    private static readonly DemoLabUser Technician = new(null, "labtech");

    /// <summary>Values a scenario wants out of range (by our test code); every other test gets a value inside its adult range.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abnormal = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SH-GLU"] = "7.8", ["SH-ALT"] = "45", ["HH-WBC"] = "12.6", ["HH-NEU%"] = "78.5",
    };

    /// <summary>The lab's side of the EMR lab orders <paramref name="labOrderIds"/> (one request of a visit).</summary>
    public async Task RunRequestAsync(string requestNumber, int visitId, IReadOnlyList<long> labOrderIds, bool validate,
        IReadOnlyDictionary<string, string>? values, CancellationToken ct)
    {
        if (labOrderIds.Count == 0) return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var order = await sp.GetRequiredService<LabOrdering>().FromRequestAsync(new LabOrdersPlaced(requestNumber, visitId, labOrderIds), ct);
        if (order is null) return;
        await ResultAsync(sp, order.Id, validate, values ?? Abnormal, ct);
    }

    /// <summary>Receives every tube of the lab order, has the analysers send and the technician type the values, and validates them when asked.</summary>
    public async Task ResultAsync(IServiceProvider sp, long labOrderId, bool validate, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HospitalDbContext>();
        var specimens = await db.Set<Specimen>().AsNoTracking().Where(s => s.LabOrderId == labOrderId)
            .Select(s => new { s.Id, s.Barcode }).ToListAsync(ct);
        var receipt = ActivatorUtilities.CreateInstance<SpecimenReceipt>(sp, Technician);
        var import = sp.GetRequiredService<AnalyserResultImport>();
        var validation = ActivatorUtilities.CreateInstance<LabResultValidation>(sp, Technician);
        var codes = await db.Set<AnalyserTestCode>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var specimen in specimens)
        {
            await receipt.ReceiveAsync(specimen.Barcode, ct);
            var tests = await db.Set<LabOrderTest>().AsNoTracking().Include(t => t.LabTest).ThenInclude(t => t!.Ranges)
                .Where(t => t.SpecimenId == specimen.Id && t.Status == LabTestStatus.Received).ToListAsync(ct);
            var byAnalyser = tests
                .Select(t => (Test: t, Code: codes.FirstOrDefault(c => c.LabTestId == t.LabTestId)))
                .ToList();
            foreach (var group in byAnalyser.Where(x => x.Code is not null).GroupBy(x => x.Code!.Analyser))
            {
                var observations = group.Select(x => new AnalyserObservation(specimen.Barcode, x.Code!.AnalyserCode,
                    ValueFor(x.Test.LabTest!, values), x.Test.LabTest!.Unit, null, now.AddMinutes(-5))).ToList();
                await import.ImportAsync(new AnalyserUpload(group.Key, group.Key == "XN1" ? AnalyserProtocol.Astm : AnalyserProtocol.Hl7,
                    $"demo {specimen.Barcode} {group.Key} {now:O}", null, AnalyserMessageKind.Results, observations, now), ct);
            }
            foreach (var (test, _) in byAnalyser.Where(x => x.Code is null))
                await validation.EnterAsync(test.Id, ValueFor(test.LabTest!, values), ct);
            if (validate)
            {
                var pending = await db.Set<LabResult>().AsNoTracking()
                    .AnyAsync(r => r.SpecimenId == specimen.Id && r.SupersededAt == null && r.Status == LabResultStatus.Pending, ct);
                if (pending) await validation.ValidateAsync(ResultSelection.Specimen(specimen.Id), ct);
            }
        }
        log.LogInformation("Demo lab order {LabOrderId}: {Count} tube(s) received and resulted{Validated}", labOrderId, specimens.Count,
            validate ? " and validated" : "");
    }

    /// <summary>A critical glucose among the waiting tubes, so the demo shows a critical value to validate.</summary>
    private static readonly IReadOnlyDictionary<string, string> Critical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SH-GLU"] = "26.4", ["HH-PLT"] = "128",
    };

    private static readonly string[] WaitingTests =
        ["HH-WBC", "HH-RBC", "HH-HGB", "HH-HCT", "HH-MCV", "HH-PLT", "SH-GLU", "SH-CREA", "SH-UREA", "SH-AST", "SH-ALT"];

    /// <summary>
    /// Today's unvalidated work for the validation screen: <paramref name="count"/> lab-form orders for
    /// patients waiting today, received and resulted by the analysers (the first with a critical
    /// glucose), and one value for a tube the LIS does not know, waiting in the unmatched queue.
    /// Once a day: nothing is added when the lab already has lab-form orders today.
    /// </summary>
    public async Task SeedWaitingAsync(int count, CancellationToken ct)
    {
        if (count <= 0) return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HospitalDbContext>();
        var today = Domain.Common.VietnamCalendar.Today(clock);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        if (await db.Set<LabOrder>().AnyAsync(o => o.Source == LabOrderSource.LabForm && o.OrderedAt > since, ct)) return;
        var visits = await db.Set<Domain.Visits.Visit>().AsNoTracking()
            .Where(v => v.VisitDate == today && v.Status == Domain.Visits.VisitStatus.Waiting && v.VoidedAt == null)
            .OrderByDescending(v => v.Id).Take(count).Select(v => new { v.Id, v.PatientId }).ToListAsync(ct);
        if (visits.Count == 0) return;
        var ordering = ActivatorUtilities.CreateInstance<LabOrdering>(sp, Technician);
        foreach (var (visit, i) in visits.Select((v, i) => (v, i)))
        {
            var placed = await ordering.PlaceAsync(new LabOrderRequest(visit.PatientId, visit.Id, WaitingTests, i == 0 ? OrderPriority.Stat : OrderPriority.Routine,
                LabOrderSource.LabForm), ct);
            if (placed.Order is { } order) await ResultAsync(sp, order.Id, validate: false, i == 0 ? Critical : Abnormal, ct);
            else log.LogWarning("Demo lab order for visit {VisitId} not placed: {Errors}", visit.Id, string.Join("; ", placed.Errors.Values));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await sp.GetRequiredService<AnalyserResultImport>().ImportAsync(new AnalyserUpload("BS1", AnalyserProtocol.Hl7,
            $"demo unknown tube {now:O}", null, AnalyserMessageKind.Results,
            [new AnalyserObservation("0000000042", "GLU", "5.4", "mmol/L", null, now.AddMinutes(-3))], now), ct);
    }

    /// <summary>A plausible adult value: the scenario's, or the middle of the adult reference range, with the test's decimals.</summary>
    public static string ValueFor(LabTest test, IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue(test.Code, out var wanted)) return wanted;
        var range = Lis.Catalog.ReferenceRangeSelection.For(test.Ranges, Domain.Patients.Sex.Male, 40 * 365);
        if (test.ResultType != LabResultType.Numeric)
            return range?.NormalText ?? test.CodedValues?.Split(';')[0] ?? "Âm tính";
        var value = (range?.Low, range?.High) switch
        {
            ({ } low, { } high) => (low + high) / 2,
            (null, { } high) => high * 0.6m,
            ({ } low, null) => low * 1.3m,
            _ => 1m,
        };
        return Math.Round(value, test.Decimals).ToString("F" + test.Decimals, CultureInfo.InvariantCulture);
    }
}
