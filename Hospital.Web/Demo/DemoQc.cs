using System.Globalization;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Qc;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Demo internal QC: targets for two control levels on each demo analyser (XN1 haematology, BS1
/// chemistry) and a month of daily runs, so /lab/qc has charts to read. The runs stay inside ±1.5 SD,
/// alternating sides, except two planted faults: one 1-3s (XN1, WBC level 2, day 12) and one 2-2s
/// (BS1, glucose level 1, days 20–21). Violations are judged by the same rules as live QC.
/// </summary>
public static class DemoQc
{
    public const int Days = 30;

    private sealed record Control(string Analyser, string ControlId, string Level, string TestCode, decimal Mean, decimal Sd);

    private static readonly Control[] Controls =
    [
        new("XN1", "QC-XN-L1", "Mức 1 (thấp)", "HH-WBC", 3.0m, 0.15m),
        new("XN1", "QC-XN-L1", "Mức 1 (thấp)", "HH-HGB", 80m, 2m),
        new("XN1", "QC-XN-L1", "Mức 1 (thấp)", "HH-PLT", 70m, 5m),
        new("XN1", "QC-XN-L2", "Mức 2 (bình thường)", "HH-WBC", 7.0m, 0.3m),
        new("XN1", "QC-XN-L2", "Mức 2 (bình thường)", "HH-HGB", 130m, 3m),
        new("XN1", "QC-XN-L2", "Mức 2 (bình thường)", "HH-PLT", 230m, 10m),
        new("BS1", "QC-BS-N", "Mức 1 (bình thường)", "SH-GLU", 5.5m, 0.15m),
        new("BS1", "QC-BS-N", "Mức 1 (bình thường)", "SH-CREA", 90m, 3m),
        new("BS1", "QC-BS-N", "Mức 1 (bình thường)", "SH-ALT", 40m, 1.6m),
        new("BS1", "QC-BS-P", "Mức 2 (bệnh lý)", "SH-GLU", 15m, 0.4m),
        new("BS1", "QC-BS-P", "Mức 2 (bệnh lý)", "SH-CREA", 450m, 12m),
        new("BS1", "QC-BS-P", "Mức 2 (bệnh lý)", "SH-ALT", 160m, 5m),
    ];

    /// <summary>Distances from the mean (SD) of an in-control series; the sign alternates run by run.</summary>
    private static readonly decimal[] Swing = [0.4m, 0.9m, 0.2m, 1.3m, 0.6m, 1.1m, 0.3m, 0.8m, 1.5m, 0.5m];

    /// <summary>The planted faults: (control index, day, z).</summary>
    private static readonly (int Control, int Day, decimal Z)[] Faults = [(3, 12, 3.4m), (6, 20, 2.3m), (6, 21, 2.6m)];

    /// <summary>Adds the targets and runs unless QC targets exist already; saves.</summary>
    public static async Task AddAsync(HospitalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<QcTarget>().AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamCalendar.Today(clock);
        var codes = Controls.Select(c => c.TestCode).Distinct().ToList();
        var tests = await db.Set<LabTest>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, ct);
        var runs = new List<QcResult>();
        foreach (var (c, index) in Controls.Select((c, i) => (c, i)))
        {
            if (!tests.TryGetValue(c.TestCode, out var test)) continue;
            var target = new QcTarget
            {
                Analyser = c.Analyser, ControlId = c.ControlId, LabTestId = test.Id, Level = c.Level, Mean = c.Mean, Sd = c.Sd,
                CreatedAt = now.AddDays(-Days - 5), CreatedBy = "demo",
            };
            db.Add(target);
            var analyserCode = DemoLabCatalog.AnalyserCodes.First(a => a.Analyser == c.Analyser && a.TestCode == c.TestCode).AnalyserCode;
            var series = Enumerable.Range(1, Days).Select(day =>
            {
                var z = Faults.FirstOrDefault(f => f.Control == index && f.Day == day) is { Day: > 0 } fault
                    ? fault.Z
                    : Swing[(day + index) % Swing.Length] * ((day + index) % 2 == 0 ? 1 : -1);
                var value = Math.Round(c.Mean + z * c.Sd, 2);
                // 07:30 in Hanoi, the morning QC run before patient samples.
                var measured = DateTime.SpecifyKind(today.AddDays(day - Days - 1).ToDateTime(new TimeOnly(0, 30)), DateTimeKind.Utc);
                return new QcResult
                {
                    Analyser = c.Analyser, ControlId = c.ControlId, AnalyserTestCode = analyserCode, LabTestId = test.Id,
                    Value = value.ToString(CultureInfo.InvariantCulture), NumericValue = value, Unit = test.Unit,
                    InstrumentAt = measured, ReceivedAt = measured.AddMinutes(1),
                };
            }).ToList();
            WestgardQcCheck.Judge(target, [], series);
            runs.AddRange(series);
        }
        db.AddRange(runs);
        await db.SaveChangesAsync(ct);
    }
}
