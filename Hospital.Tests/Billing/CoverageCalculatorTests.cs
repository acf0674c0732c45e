using Hospital.Domain.Billing.Coverage;
using Hospital.Domain.Common;

namespace Hospital.Tests.Billing;

/// <summary>
/// Worked cases of the BHYT split (bhyt-claims.md §4.3, §5), each with its reasoning. Lương cơ sở 2,340,000
/// (small-visit threshold 351,000; 6 months = 14,040,000) unless the case says 2,530,000 (from 01/07/2026 ⚠).
/// </summary>
public sealed class CoverageCalculatorTests
{
    private const decimal Base2024 = 2_340_000m, Base2026 = 2_530_000m;
    private static readonly DateOnly End = new(2026, 3, 10);

    private static CoverageEpisode Bhyt(decimal share, int level, bool rightRoute = true) => new(true, End, share, rightRoute, level);
    private static CoverageLine L(string code, decimal qty, decimal price, decimal? bhytPrice = -1, decimal ratio = 100, decimal? cap = null, decimal nk = 0) =>
        new(code, qty, price, bhytPrice == -1 ? price : bhytPrice, ratio, cap, nk);

    public sealed record Case(string Name, CoverageEpisode Episode, CoverageLine[] Lines, decimal Base,
        decimal MucHuong, CoverageReason Reason, decimal Bhtt, decimal Bncct, decimal Bntt, decimal Nk = 0)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        // 1. Level 4 (80%), right route, exam 38,700: in-scope cost < 351,000 → small visit, fund pays 100%.
        new("small visit exam", Bhyt(80, 4), [L("KB", 1, 38_700)], Base2024, 100, CoverageReason.SmallVisit, 38_700, 0, 0),
        // 2. Level 4, right route, 500,000 in scope ≥ threshold → 80%: fund 400,000, co-pay 100,000.
        new("level 4 right route", Bhyt(80, 4), [L("XN", 2, 250_000)], Base2024, 80, CoverageReason.Category, 400_000, 100_000, 0),
        // 3. Level 3 (95%): 1,000,000 → fund 950,000, co-pay 50,000.
        new("level 3", Bhyt(95, 3), [L("CT", 1, 1_000_000)], Base2024, 95, CoverageReason.Category, 950_000, 50_000, 0),
        // 4. Level 2 (100% with caps), no capped item: the fund pays everything in scope.
        new("level 2", Bhyt(100, 2), [L("PT", 1, 2_000_000)], Base2024, 100, CoverageReason.Category, 2_000_000, 0, 0),
        // 5. Level 1 has no cap: a 10,000,000 supply capped at 5,000,000 is recognised in full.
        new("level 1 ignores cap", Bhyt(100, 1), [L("VT", 1, 10_000_000, cap: 5_000_000)], Base2024, 100, CoverageReason.Category, 10_000_000, 0, 0),
        // 6. Level 2 with the same supply: recognised up to the cap 5,000,000; the patient pays the 5,000,000 above it.
        new("level 2 capped supply", Bhyt(100, 2), [L("VT", 1, 10_000_000, cap: 5_000_000)], Base2024, 100, CoverageReason.Category, 5_000_000, 0, 5_000_000),
        // 7. Level 5 (QN/CA/CY): out-of-list 300,000 and in-list 200,000 are all paid by the fund.
        new("level 5 out of scope", Bhyt(100, 5), [L("T1", 1, 300_000, null), L("T2", 1, 200_000)], Base2024, 100, CoverageReason.FullCover, 500_000, 0, 0),
        // 8. Self-referral, 50% × 80% = 40 (1.13 from 01/07/2026): no small-visit rule off the right route; 200,000 → 80,000 / 120,000.
        new("self-referral 40%", Bhyt(40, 4, rightRoute: false), [L("KB", 1, 200_000)], Base2024, 40, CoverageReason.Category, 80_000, 120_000, 0),
        // 9. Share 0 (outpatient self-referral to a formerly central facility): the fund pays nothing; in-scope cost is co-payment.
        new("share 0", Bhyt(0, 4, rightRoute: false), [L("KB", 1, 150_000, 120_000)], Base2024, 0, CoverageReason.Category, 0, 120_000, 30_000),
        // 10. 50% × 95% = 47.5: 333,333.33 × 47.5% = 158,333.33 (…331 rounds down); co-pay by subtraction 175,000.00.
        new("47.5 rounding", Bhyt(47.5m, 3, rightRoute: false), [L("DV", 1, 333_333.33m)], Base2024, 47.5m, CoverageReason.Category, 158_333.33m, 175_000.00m, 0),
        // 11. Drug paid at 50% of its BHYT price: 3 × 12,345.67 = 37,037.01 (BV); BH 18,518.505 → 18,518.51; small visit → fund 100% of BH; patient 18,518.50.
        new("50% ratio drug", Bhyt(80, 4), [L("TH", 3, 12_345.67m, ratio: 50)], Base2024, 100, CoverageReason.SmallVisit, 18_518.51m, 0, 18_518.50m),
        // 12. Hospital price 150,000 above BHYT price 120,000, ×5: BV 750,000, BH 600,000 → fund 480,000, co-pay 120,000, difference 150,000.
        new("price difference", Bhyt(80, 4), [L("DV", 5, 150_000, 120_000)], Base2024, 80, CoverageReason.Category, 480_000, 120_000, 150_000),
        // 13. Fee-paying patient: pays every line.
        new("fee-paying", new CoverageEpisode(false, End, 0, false, 0), [L("KB", 1, 150_000), L("XN", 2, 50_000)], Base2024, 0, CoverageReason.NotInsured, 0, 0, 250_000),
        // 14. Free patient (fee-paying, hospital charity fund covers it): NK = BV, nothing left to pay.
        new("free patient", new CoverageEpisode(false, End, 0, false, 0), [L("KB", 1, 150_000, nk: 150_000)], Base2024, 0, CoverageReason.NotInsured, 0, 0, 0, 150_000),
        // 15. §4.3 (a): BV 1,000,000, BH 800,000, 80% → 640,000 / 160,000 / 200,000; NK 300,000 takes BNTT 200,000 then 100,000 of BNCCT.
        new("other source order", Bhyt(80, 4), [L("DV", 1, 1_000_000, 800_000, nk: 300_000)], Base2024, 80, CoverageReason.Category, 640_000, 60_000, 0, 300_000),
        // 16. Exactly 351,000 in scope is not below the threshold → 80%: 280,800 / 70,200.
        new("threshold is not small", Bhyt(80, 4), [L("DV", 1, 351_000)], Base2024, 80, CoverageReason.Category, 280_800, 70_200, 0),
        // 17. 350,999.99 is below it → 100%.
        new("just under threshold", Bhyt(80, 4), [L("DV", 1, 350_999.99m)], Base2024, 100, CoverageReason.SmallVisit, 350_999.99m, 0, 0),
        // 18. From 01/07/2026 (⚠ 2,530,000): threshold 379,500, so 360,000 is a small visit; with 2,340,000 it is not (case 19).
        new("2026 base salary small", Bhyt(80, 4), [L("DV", 1, 360_000)], Base2026, 100, CoverageReason.SmallVisit, 360_000, 0, 0),
        // 19. The same 360,000 under 2,340,000: 80% → 288,000 / 72,000.
        new("2024 base salary not small", Bhyt(80, 4), [L("DV", 1, 360_000)], Base2024, 80, CoverageReason.Category, 288_000, 72_000, 0),
        // 20. 5 years continuous and 14,040,000 co-paid this year already: exempt, 100% for the rest of the year.
        new("five years exempt", Bhyt(80, 4) with { FiveYearsContinuous = true, CoPaymentThisYear = 14_040_000 }, [L("DV", 1, 1_000_000)], Base2024,
            100, CoverageReason.CoPaymentExempt, 1_000_000, 0, 0),
        // 21. 5 years, 13,900,000 co-paid: only 140,000 more is the patient's; of the 200,000 co-pay, 60,000 moves to the fund.
        new("five years crossing", Bhyt(80, 4) with { FiveYearsContinuous = true, CoPaymentThisYear = 13_900_000 }, [L("DV", 1, 1_000_000)], Base2024,
            80, CoverageReason.Category, 860_000, 140_000, 0),
        // 22. Not 5 years continuous: the amount co-paid this year changes nothing.
        new("not five years", Bhyt(80, 4) with { CoPaymentThisYear = 20_000_000 }, [L("DV", 1, 1_000_000)], Base2024, 80, CoverageReason.Category, 800_000, 200_000, 0),
        // 23. Line rounding: 1.5 × 33,333.33 = 49,999.995 → 50,000.00 each (×3) + 400,000 = 550,000 → 80%: 440,000 / 110,000.
        new("line rounding", Bhyt(80, 4), [L("A", 1.5m, 33_333.33m), L("B", 1.5m, 33_333.33m), L("C", 1.5m, 33_333.33m), L("D", 1, 400_000)], Base2024,
            80, CoverageReason.Category, 440_000, 110_000, 0),
        // 24. 40% × 80% = 32 (inpatient self-referral to a formerly central facility): 1,234,567.89 × 32% = 395,061.7248 → 395,061.72; co-pay 839,506.17.
        new("32 percent", Bhyt(32, 4, rightRoute: false), [L("DV", 1, 1_234_567.89m)], Base2024, 32, CoverageReason.Category, 395_061.72m, 839_506.17m, 0),
        // 25. Level 3, supply paid at 50% and capped: 2 × 3,000,000 = 6,000,000; 50% = 3,000,000 → cap 2,000,000; 95% → 1,900,000 / 100,000; patient 4,000,000 more.
        new("ratio and cap", Bhyt(95, 3), [L("VT", 2, 3_000_000, ratio: 50, cap: 2_000_000)], Base2024, 95, CoverageReason.Category, 1_900_000, 100_000, 4_000_000),
        // 26. Emergency, right route, with a drug outside the BHYT list: in scope 400,000 at 80%; the 100,000 drug is the patient's.
        new("out of list drug", Bhyt(80, 4), [L("DV", 1, 400_000), L("TH", 1, 100_000, null)], Base2024, 80, CoverageReason.Category, 320_000, 80_000, 100_000),
        // 27. Primary level (1.2): 100% regardless of the card's 80%: the share arrives as 100.
        new("primary level", Bhyt(100, 4), [L("DV", 1, 600_000)], Base2024, 100, CoverageReason.Category, 600_000, 0, 0),
        // 28. Small visit counts only in-scope cost: 100,000 in scope (+ 500,000 out of list) → 100% of the 100,000; the patient pays the 500,000.
        new("small visit in scope only", Bhyt(80, 4), [L("DV", 1, 100_000), L("TH", 1, 500_000, null)], Base2024, 100, CoverageReason.SmallVisit, 100_000, 0, 500_000),
    };

    [Theory, MemberData(nameof(Cases))]
    public void Worked_case(Case c)
    {
        var result = CoverageCalculator.Split(c.Episode, c.Lines, c.Base);

        Assert.Equal((c.MucHuong, c.Reason), (result.MucHuong, result.Reason));
        Assert.Equal((c.Bhtt, c.Bncct, c.Bntt, c.Nk), (result.Bhtt, result.Bncct, result.Bntt, result.NguonKhac));
        // Every line and the episode reconcile exactly: BV = BHTT + BNCCT + BNTT + NGUONKHAC, all to 2 decimals.
        Assert.All(result.Lines, l =>
        {
            Assert.Equal(l.ThanhTienBv, l.Bhtt + l.Bncct + l.Bntt + l.NguonKhac);
            Assert.All(new[] { l.Bhtt, l.Bncct, l.Bntt, l.NguonKhac }, v => Assert.True(v >= 0 && v == decimal.Round(v, 2), $"{l.Code}: {v}"));
        });
        Assert.Equal(result.TongChiBv, result.Bhtt + result.Bncct + result.Bntt + result.NguonKhac);
    }

    [Fact]
    public void A_negative_quantity_is_refused_with_its_code_and_a_zero_one_costs_nothing()
    {
        var e = Assert.Throws<DomainException>(() => CoverageCalculator.Split(Bhyt(80, 4), [L("XN01", -1, 10_000)], Base2024));
        Assert.Equal("Dòng XN01: số lượng không được âm.", e.Message);
        // Zero reaches the claim validator, which tells finance which line to fix.
        var zero = Assert.Single(CoverageCalculator.Split(Bhyt(80, 4), [L("XN01", 0, 10_000)], Base2024).Lines);
        Assert.Equal((0m, 0m, 0m, 0m), (zero.ThanhTienBv, zero.Bhtt, zero.Bncct, zero.Bntt));
    }
}
