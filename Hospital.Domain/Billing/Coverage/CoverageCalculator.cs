using Hospital.Domain.Common;

namespace Hospital.Domain.Billing.Coverage;

/// <summary>
/// Splits an episode's charges between the BHYT fund, the patient's co-payment, what the patient pays
/// outside the fund, and other sources (bhyt-claims.md §4.3, QĐ 130 as amended by QĐ 4750; §5 for the
/// benefit rules). Pure: the dated inputs (lương cơ sở in force on the episode's end date, the visit's
/// MUC_HUONG) come in as arguments.
/// <list type="bullet">
/// <item>THANH_TIEN_BV = quantity × hospital price; THANH_TIEN_BH = quantity × BHYT price × TYLE_TT_BH, at
/// most TRAN_TT (except level-1 cards), never above THANH_TIEN_BV.</item>
/// <item>BHTT = THANH_TIEN_BH × MUC_HUONG; BNCCT = THANH_TIEN_BH − BHTT; BNTT = THANH_TIEN_BV − THANH_TIEN_BH.</item>
/// <item>Other sources for the patient are taken from BNTT, then BNCCT, then BHTT (§4.3 a).</item>
/// <item>Every amount is rounded to 2 decimals, away from zero; BNCCT is derived by subtraction so each line
/// reconciles exactly: BV = BHTT + BNCCT + BNTT + NGUONKHAC.</item>
/// </list>
/// </summary>
public static class CoverageCalculator
{
    /// <summary>The small-visit threshold: 15% of lương cơ sở (351,000 VND from 01/07/2024).</summary>
    public static decimal SmallVisitThreshold(decimal baseSalary) => Money(baseSalary * 0.15m);

    /// <summary>The yearly co-payment limit for the 5-year exemption: 6 months of lương cơ sở.</summary>
    public static decimal CoPaymentLimit(decimal baseSalary) => Money(baseSalary * 6);

    public static CoverageResult Split(CoverageEpisode episode, IReadOnlyList<CoverageLine> lines, decimal baseSalary)
    {
        foreach (var l in lines)
        {
            // Zero is let through as zero money: the claim validator reports it on the board with a link to the
            // line (QĐ 4750 SO_LUONG); a negative quantity is never a real charge.
            if (l.Quantity < 0) throw new DomainException($"Dòng {l.Code}: số lượng không được âm.");
            if (l.UnitPrice < 0 || l.BhytUnitPrice < 0) throw new DomainException($"Dòng {l.Code}: đơn giá không được âm.");
            if (l.PayableRatioPercent is < 0 or > 100) throw new DomainException($"Dòng {l.Code}: tỷ lệ thanh toán phải từ 0 đến 100%.");
        }
        if (!episode.Insured)
            return new CoverageResult(0, CoverageReason.NotInsured, lines.Select(l => Apply(l, Amounts(l, episode), 0)).ToList());

        var amounts = lines.Select(l => Amounts(l, episode)).ToList();
        var (mucHuong, reason) = Rate(episode, amounts.Sum(a => a.Bh), baseSalary);
        var split = lines.Select((l, i) => Apply(l, amounts[i], mucHuong)).ToList();
        if (reason == CoverageReason.Category && episode.FiveYearsContinuous)
            split = CapCoPayment(split, CoPaymentLimit(baseSalary) - episode.CoPaymentThisYear);
        return new CoverageResult(mucHuong, reason, split);
    }

    private static (decimal Bv, decimal Bh) Amounts(CoverageLine l, CoverageEpisode e)
    {
        var bv = Money(l.Quantity * l.UnitPrice);
        if (!e.Insured) return (bv, 0);
        // Level 5 pays out-of-scope costs too: the whole hospital amount is in scope.
        if (e.CardLevel == 5) return (bv, bv);
        if (l.BhytUnitPrice is not { } price) return (bv, 0);
        var bh = Money(l.Quantity * price * l.PayableRatioPercent / 100);
        if (l.CapAmount is { } cap && e.CardLevel != 1) bh = Math.Min(bh, cap);
        return (bv, Math.Min(bh, bv));
    }

    private static (decimal, CoverageReason) Rate(CoverageEpisode e, decimal inScope, decimal baseSalary)
    {
        if (e.CardLevel == 5) return (100, CoverageReason.FullCover);
        if (e.FiveYearsContinuous && e.CoPaymentThisYear >= CoPaymentLimit(baseSalary)) return (100, CoverageReason.CoPaymentExempt);
        if (e.RightRoute && e.CategorySharePercent > 0 && inScope < SmallVisitThreshold(baseSalary)) return (100, CoverageReason.SmallVisit);
        return (e.CategorySharePercent, CoverageReason.Category);
    }

    private static LineSplit Apply(CoverageLine l, (decimal Bv, decimal Bh) a, decimal mucHuong)
    {
        var bhtt0 = Money(a.Bh * mucHuong / 100);
        var bncct0 = a.Bh - bhtt0;
        var bntt0 = a.Bv - a.Bh;
        var nk = Math.Clamp(Money(l.OtherSources), 0, a.Bv);
        // §4.3 (a): other funds for this patient are taken from BNTT, then BNCCT, then BHTT.
        var fromBntt = Math.Min(nk, bntt0);
        var fromBncct = Math.Min(nk - fromBntt, bncct0);
        var fromBhtt = nk - fromBntt - fromBncct;
        return new LineSplit(l.Code, a.Bv, a.Bh, bhtt0 - fromBhtt, bncct0 - fromBncct, bntt0 - fromBntt, nk);
    }

    /// <summary>
    /// 5 years continuous: the co-payment of the calendar year stops at 6 months of lương cơ sở; what this
    /// episode's co-payment adds above the remaining <paramref name="allowance"/> moves to the fund, taken from
    /// the last lines first (the services provided after the limit was reached).
    /// </summary>
    private static List<LineSplit> CapCoPayment(List<LineSplit> lines, decimal allowance)
    {
        var excess = lines.Sum(l => l.Bncct) - Math.Max(0, allowance);
        if (excess <= 0) return lines;
        for (var i = lines.Count - 1; i >= 0 && excess > 0; i--)
        {
            var move = Math.Min(excess, lines[i].Bncct);
            lines[i] = lines[i] with { Bncct = lines[i].Bncct - move, Bhtt = lines[i].Bhtt + move };
            excess -= move;
        }
        return lines;
    }

    private static decimal Money(decimal v) => decimal.Round(v, 2, MidpointRounding.AwayFromZero);
}
