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
    public async Task<VisitCoverageResult?> ForVisitAsync(int visitId, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().AsNoTracking().Include(v => v.Patient).SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return null;
        var charges = await db.Set<Charge>().AsNoTracking()
            .Where(c => c.VisitId == visitId && c.VoidedAt == null)
            .OrderBy(c => c.OrderedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var concludedAt = await db.Set<ExamRecord>().AsNoTracking()
            .Where(e => e.VisitId == visitId && e.ConcludedAt != null)
            .Select(e => e.ConcludedAt).FirstOrDefaultAsync(ct);
        var endDate = concludedAt is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : VietnamTime.Today(clock);
        var episode = await EpisodeAsync(visit, endDate, ct);
        var baseSalary = rules.BaseSalaryOn(endDate);
        var coverage = CoverageCalculator.Split(episode, charges.Select(c => LineOf(visit, c)).ToList(), baseSalary);
        return new VisitCoverageResult(visit, endDate, baseSalary, coverage,
            charges.Select((c, i) => new CoveredCharge(c, coverage.Lines[i])).ToList());
    }

    /// <summary>The calculator's line for a charge; a free visit's hospital fund pays the whole line.</summary>
    public static CoverageLine LineOf(Visit visit, Charge c)
    {
        var line = new CoverageLine(c.ItemCode, c.Quantity, c.UnitPrice, c.BhytUnitPrice, c.BhytPayableRatio);
        return visit.Kind == VisitKind.Free
            ? line with { OtherSources = decimal.Round(c.Quantity * c.UnitPrice, 2, MidpointRounding.AwayFromZero) }
            : line;
    }

    private async Task<CoverageEpisode> EpisodeAsync(Visit visit, DateOnly endDate, CancellationToken ct)
    {
        if (visit.Kind != VisitKind.Bhyt || visit.CardNumber is not { Length: >= 3 } card || !char.IsAsciiDigit(card[2]))
            return new CoverageEpisode(false, endDate, 0, false, 0);
        var category = rules.Tables.Categories.FirstOrDefault(r => r.Code == visit.BenefitCategoryCode && r.InForceOn(endDate));
        var fiveYearsFrom = visit.BhytCardId is { } cardId
            ? await db.Set<Domain.Patients.BhytCard>().AsNoTracking().Where(c => c.Id == cardId).Select(c => c.FiveYearsContinuousFrom).FirstOrDefaultAsync(ct)
            : null;
        var fiveYears = fiveYearsFrom is { } from && from <= endDate;
        var coPaidThisYear = 0m;
        if (fiveYears)
        {
            var yearStart = new DateOnly(endDate.Year, 1, 1);
            // Every other episode of the patient this year, at its latest version that still counts.
            coPaidThisYear = (await db.Set<Claim>().AsNoTracking()
                .Where(c => c.PatientId == visit.PatientId && c.VisitId != visit.Id && c.EndDate >= yearStart && c.EndDate <= endDate
                            && c.Status != ClaimStatus.Superseded && c.Status != ClaimStatus.Rejected)
                .Select(c => c.CoPayment).ToListAsync(ct)).Sum();
        }
        return new CoverageEpisode(true, endDate, visit.PayableSharePercent ?? 0, category?.RoutePercent == 100, card[2] - '0', fiveYears, coPaidThisYear);
    }
}
