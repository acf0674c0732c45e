using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Qc;

/// <summary>
/// Judges arriving QC results by the Westgard rules (<see cref="WestgardRules"/>) against the active
/// <see cref="QcTarget"/> of their analyser, control and test, inside the import's transaction, so
/// the violations are stored with the values. A value without a target, or not a number, is kept
/// unjudged (Violations null): the lab has not said what it should be.
/// </summary>
public sealed class WestgardQcCheck : IArrivingQcRule
{
    /// <summary>Earlier values the rules look back at: 10x needs the nine before the new one.</summary>
    public const int Lookback = 9;

    public async Task ApplyAsync(HospitalDbContext db, IReadOnlyList<QcResult> arriving, CancellationToken ct)
    {
        foreach (var series in arriving.Where(r => r.LabTestId is not null && r.NumericValue is not null)
                     .GroupBy(r => (r.Analyser, r.ControlId, LabTestId: r.LabTestId!.Value)))
        {
            var (analyser, control, testId) = series.Key;
            var target = await QcTargetAdministration.ActiveTargetAsync(db, analyser, control, testId, ct);
            if (target is null) continue;
            var stored = series.Where(r => r.Id > 0).Select(r => r.Id).ToList();
            var earlier = await QcSeries.Of(db, target).Where(r => !stored.Contains(r.Id)).NewestFirst()
                .Take(Lookback).Select(r => r.NumericValue!.Value).ToListAsync(ct);
            earlier.Reverse();
            Judge(target, earlier, series.OrderBy(r => r.InstrumentAt ?? r.ReceivedAt).ToList());
        }
    }

    /// <summary>
    /// Sets Violations and RunRejected of each of <paramref name="arriving"/> (in measuring order),
    /// each judged with the values before it: <paramref name="earlierValues"/> (oldest first) and the arriving ones ahead of it.
    /// </summary>
    public static void Judge(QcTarget target, IEnumerable<decimal> earlierValues, IReadOnlyList<QcResult> arriving)
    {
        var z = earlierValues.Select(v => WestgardRules.ZScore(v, target.Mean, target.Sd)).ToList();
        foreach (var result in arriving)
        {
            if (result.NumericValue is not { } value) continue;
            z.Add(WestgardRules.ZScore(value, target.Mean, target.Sd));
            var broken = WestgardRules.Broken(z);
            result.Violations = WestgardRules.Format(broken);
            result.RunRejected = broken.Any(WestgardRules.Rejects);
        }
    }
}
