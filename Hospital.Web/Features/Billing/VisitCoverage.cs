using Hospital.Domain.Billing;
using Hospital.Domain.Billing.Coverage;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Insurance.Rules;
using Hospital.Domain.Visits;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Billing;

/// <summary>A charge line with its money split, in statement order.</summary>
public sealed record CoveredCharge(Charge Charge, LineSplit Split);

/// <summary>
/// A visit's charges split between the BHYT fund, the patient and other sources, as it stands now:
/// what the statement prints, the cashier collects, the coverage-preview API returns and the
/// claim's XML2/XML3 money fields carry. <see cref="EndDate"/> picks the base salary in force.
/// </summary>
public sealed record VisitCoverageResult(
    Visit Visit, DateOnly EndDate, decimal BaseSalary, CoverageResult Coverage, IReadOnlyList<CoveredCharge> Lines)
{
    /// <summary>What the patient owes for the visit: co-payment plus out-of-scope costs.</summary>
    public decimal PatientShare => Coverage.Bncct + Coverage.Bntt;
}

/// <summary>
/// Builds the <see cref="CoverageEpisode"/> of a visit from the database and runs the pure
/// <see cref="CoverageCalculator"/> over its non-voided charges:
/// <list type="bullet">
/// <item>the episode ends when the exam was concluded (else today, for a preview): its date selects
/// the base salary in force (dated rows of db/rules/bhyt_base_salary.csv);</item>
/// <item>MUC_HUONG is the visit's share decided at registration; "right route" means the visit's
/// QĐ 3276 category pays the full route share (only then does the small-visit rule apply);</item>
/// <item>the 5-year co-payment exemption uses the card's NAM_NAM_LIEN_TUC date and the co-payments
/// of the patient's other claims this calendar year;</item>
/// <item>a free visit (<see cref="VisitKind.Free"/>) is costed in full, and the hospital's own fund
/// pays it (T_NGUONKHAC), so the patient owes nothing and the accounts still show the cost.</item>
/// </list>
/// </summary>
public sealed class VisitCoverage(HospitalDbContext db, BhytBenefitRules rules, TimeProvider clock)
{
    public async Task<VisitCoverageResult?> ForVisitAsync(int visitId, CancellationToken ct = default) =>
        (await ForVisitsAsync([visitId], ct)).GetValueOrDefault(visitId);

    /// <summary>
    /// The split of many visits with a fixed number of queries (claims are built in batches: a month is
    /// 100,000+ episodes). Visits that do not exist are absent from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, VisitCoverageResult>> ForVisitsAsync(IReadOnlyCollection<int> visitIds, CancellationToken ct = default)
    {
        var ids = visitIds.Distinct().ToList();
        var visits = await db.Set<Visit>().AsNoTracking().Include(v => v.Patient).Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        var charges = (await db.Set<Charge>().AsNoTracking()
                .Where(c => ids.Contains(c.VisitId) && c.VoidedAt == null)
                .ToListAsync(ct))
            .OrderBy(c => c.OrderedAt).ThenBy(c => c.Id)
            .ToLookup(c => c.VisitId);
        var concluded = (await db.Set<ExamRecord>().AsNoTracking()
                .Where(e => ids.Contains(e.VisitId) && e.ConcludedAt != null)
                .Select(e => new { e.VisitId, e.ConcludedAt }).ToListAsync(ct))
            .GroupBy(e => e.VisitId).ToDictionary(g => g.Key, g => g.First().ConcludedAt!.Value);
        var today = VietnamTime.Today(clock);
        var endDates = visits.ToDictionary(v => v.Id, v => concluded.TryGetValue(v.Id, out var at) ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : today);
        var episodes = await EpisodesAsync(visits, endDates, ct);

        var result = new Dictionary<int, VisitCoverageResult>(visits.Count);
        foreach (var visit in visits)
        {
            var endDate = endDates[visit.Id];
            var lines = charges[visit.Id].ToList();
            var baseSalary = rules.BaseSalaryOn(endDate);
            var coverage = CoverageCalculator.Split(episodes[visit.Id], lines.Select(c => LineOf(visit, c)).ToList(), baseSalary);
            result[visit.Id] = new VisitCoverageResult(visit, endDate, baseSalary, coverage,
                lines.Select((c, i) => new CoveredCharge(c, coverage.Lines[i])).ToList());
        }
        return result;
    }

    /// <summary>The calculator's line for a charge; a free visit's hospital fund pays the whole line.</summary>
    public static CoverageLine LineOf(Visit visit, Charge c)
    {
        var line = new CoverageLine(c.ItemCode, c.Quantity, c.UnitPrice, c.BhytUnitPrice, c.BhytPayableRatio);
        return visit.Kind == VisitKind.Free
            ? line with { OtherSources = decimal.Round(c.Quantity * c.UnitPrice, 2, MidpointRounding.AwayFromZero) }
            : line;
    }

    private async Task<Dictionary<int, CoverageEpisode>> EpisodesAsync(IReadOnlyList<Visit> visits, IReadOnlyDictionary<int, DateOnly> endDates, CancellationToken ct)
    {
        var cardIds = visits.Where(v => v.BhytCardId is not null).Select(v => v.BhytCardId!.Value).Distinct().ToList();
        var fiveYearsFrom = cardIds.Count == 0 ? [] : await db.Set<Domain.Patients.BhytCard>().AsNoTracking()
            .Where(c => cardIds.Contains(c.Id) && c.FiveYearsContinuousFrom != null)
            .ToDictionaryAsync(c => c.Id, c => c.FiveYearsContinuousFrom!.Value, ct);
        bool FiveYears(Visit v) => v.BhytCardId is { } id && fiveYearsFrom.TryGetValue(id, out var from) && from <= endDates[v.Id];
        var exempt = visits.Where(FiveYears).ToList();
        var otherClaims = new List<(int PatientId, int VisitId, DateOnly EndDate, decimal CoPayment)>();
        if (exempt.Count > 0)
        {
            var patientIds = exempt.Select(v => v.PatientId).Distinct().ToList();
            var earliest = new DateOnly(exempt.Min(v => endDates[v.Id].Year), 1, 1);
            // Every episode of these patients since the earliest year start, at its latest version that still counts.
            otherClaims = (await db.Set<Claim>().AsNoTracking()
                    .Where(c => patientIds.Contains(c.PatientId) && c.EndDate >= earliest
                                && c.Status != ClaimStatus.Superseded && c.Status != ClaimStatus.Rejected)
                    .Select(c => new { c.PatientId, c.VisitId, c.EndDate, c.CoPayment }).ToListAsync(ct))
                .Select(c => (c.PatientId, c.VisitId, c.EndDate, c.CoPayment)).ToList();
        }

        var episodes = new Dictionary<int, CoverageEpisode>(visits.Count);
        foreach (var visit in visits)
        {
            var endDate = endDates[visit.Id];
            if (visit.Kind != VisitKind.Bhyt || visit.CardNumber is not { Length: >= 3 } card || !char.IsAsciiDigit(card[2]))
            {
                episodes[visit.Id] = new CoverageEpisode(false, endDate, 0, false, 0);
                continue;
            }
            var category = rules.Tables.Categories.FirstOrDefault(r => r.Code == visit.BenefitCategoryCode && r.InForceOn(endDate));
            var fiveYears = FiveYears(visit);
            var yearStart = new DateOnly(endDate.Year, 1, 1);
            var coPaidThisYear = fiveYears
                ? otherClaims.Where(c => c.PatientId == visit.PatientId && c.VisitId != visit.Id && c.EndDate >= yearStart && c.EndDate <= endDate).Sum(c => c.CoPayment)
                : 0m;
            episodes[visit.Id] = new CoverageEpisode(true, endDate, visit.PayableSharePercent ?? 0, category?.RoutePercent == 100, card[2] - '0', fiveYears, coPaidThisYear);
        }
        return episodes;
    }
}
