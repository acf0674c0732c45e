using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Qc;

/// <summary>
/// One control's numeric values of one test on one analyser since its target was set (a new lot's
/// mean says nothing about the old lot's values): what the Westgard rules and the Levey-Jennings chart read.
/// </summary>
public static class QcSeries
{
    public static IQueryable<QcResult> Of(HospitalDbContext db, QcTarget target) =>
        db.Set<QcResult>().AsNoTracking()
            .Where(r => r.Analyser == target.Analyser && r.ControlId == target.ControlId && r.LabTestId == target.LabTestId
                        && r.NumericValue != null && r.ReceivedAt >= target.CreatedAt);

    /// <summary>Newest measurement first (instrument time, else arrival).</summary>
    public static IOrderedQueryable<QcResult> NewestFirst(this IQueryable<QcResult> results) =>
        results.OrderByDescending(r => r.InstrumentAt ?? r.ReceivedAt).ThenByDescending(r => r.Id);

    /// <summary>The last <paramref name="runs"/> values of the target's series, oldest first.</summary>
    public static async Task<List<QcResult>> LastAsync(HospitalDbContext db, QcTarget target, int runs, CancellationToken ct)
    {
        var rows = await Of(db, target).NewestFirst().Take(runs).ToListAsync(ct);
        rows.Reverse();
        return rows;
    }
}
