using Hospital.Domain.Catalog;
using Hospital.Domain.Insurance;
using Hospital.Domain.Insurance.Rules;

namespace Hospital.Tests.Insurance;

/// <summary>
/// The shipped rule tables (db/rules) against the cases of bhyt-claims.md §4.2 and §5. Each row
/// says why the expected code and share follow from the QĐ 3276 table read in table order.
/// </summary>
public sealed class BhytBenefitRulesTests
{
    private static readonly BhytBenefitRules Rules = new(BhytRuleTables.Load(BhytRuleTables.FindDirectory()!));

    private const string Here = "37001";
    private static readonly DateOnly Before = new(2026, 6, 30);
    private static readonly DateOnly After = new(2026, 7, 1);

    public static TheoryData<string, BenefitSituation, string, decimal> Cases => new()
    {
        // Card registered here, hospital at basic level: 1.1 is the first row that holds; level 4 card → 80%.
        { "own registered facility", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial, card: "DN4370123456789", registeredAt: Here), "1.1", 80m },
        // A commune station (primary level) pays 100% whatever the card level (1.2 precedes 1.11).
        { "primary level, level 4 card", Situation(Before, FacilityLevel.Primary, FormerTier.Commune, card: "DN4370123456789"), "1.2", 100m },
        // 1.2 before 1.1: at a primary facility that is also the registered one, still flat 100%.
        { "primary level, own facility", Situation(Before, FacilityLevel.Primary, FormerTier.Commune, card: "HT3370123456789", registeredAt: Here), "1.2", 100m },
        // Transfer slip from elsewhere: 1.3, card level 3 → 95%.
        { "referral", Situation(Before, FacilityLevel.Specialised, FormerTier.Central, card: "HT3370123456789", referral: true), "1.3", 95m },
        // Re-exam appointment slip: 1.5 comes before every self-referral row.
        { "appointment slip", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial, appointment: true), "1.5", 80m },
        // Emergency at a formerly provincial basic hospital: not self-referral, so 1.14 does not apply; code 2.
        { "emergency", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial, emergency: true), "2", 80m },
        // Self-referral outpatient, basic level, formerly provincial, before 01/07/2026: 1.14 at 0%.
        { "self-referral basic formerly provincial before", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial), "1.14", 0m },
        // Same from 01/07/2026: 50% × card level 80% = 40%.
        { "self-referral basic formerly provincial after", Situation(After, FacilityLevel.Basic, FormerTier.Provincial), "1.14", 40m },
        // Level 3 card after 01/07/2026: 95 × 50% = 47.5 (the reason MUC_HUONG grows to 4 characters).
        { "self-referral basic formerly provincial after, level 3", Situation(After, FacilityLevel.Basic, FormerTier.Provincial, card: "HT3370123456789"), "1.14", 47.5m },
        // Basic level scoring 60, never provincial: 1.13 (50–70 points) comes before 1.14; 0% then 50%.
        { "basic 50-70 points before", Situation(Before, FacilityLevel.Basic, FormerTier.District, score: 60), "1.13", 0m },
        { "basic 50-70 points after", Situation(After, FacilityLevel.Basic, FormerTier.District, score: 60), "1.13", 40m },
        // Basic level under 50 points, formerly district: 1.12, full card level.
        { "basic under 50 points", Situation(Before, FacilityLevel.Basic, FormerTier.District, score: 42), "1.12", 80m },
        // Provisionally classed (no score), formerly district: also 1.12.
        { "basic unscored", Situation(Before, FacilityLevel.Basic, FormerTier.District), "1.12", 80m },
        // Basic level scoring 80, formerly district: none of 1.12–1.14; 3.3 (formerly district) × card level.
        { "basic over 70 points formerly district", Situation(Before, FacilityLevel.Basic, FormerTier.District, score: 80), "3.3", 80m },
        // Inpatient self-referral at basic level: 1.15, full card level.
        { "inpatient basic", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial, inpatient: true), "1.15", 80m },
        // Specialised, formerly provincial, outpatient: 1.18, 0% then 50%.
        { "specialised formerly provincial outpatient before", Situation(Before, FacilityLevel.Specialised, FormerTier.Provincial), "1.18", 0m },
        { "specialised formerly provincial outpatient after", Situation(After, FacilityLevel.Specialised, FormerTier.Provincial), "1.18", 40m },
        // Specialised, formerly provincial, inpatient: 3.2 × card level.
        { "specialised formerly provincial inpatient", Situation(After, FacilityLevel.Specialised, FormerTier.Provincial, inpatient: true), "3.2", 80m },
        // Specialised, formerly central, outpatient self-referral: 3.1 pays nothing, before and after 01/07/2026.
        { "specialised formerly central outpatient", Situation(After, FacilityLevel.Specialised, FormerTier.Central), "3.1", 0m },
        // Same inpatient: 40% × 80% = 32 (the §4.3 example).
        { "specialised formerly central inpatient", Situation(After, FacilityLevel.Specialised, FormerTier.Central, inpatient: true), "3.1", 32m },
        // Level 5 card (army): 100% of the card level; at the own facility 1.1 → 100.
        { "level 5 card own facility", Situation(Before, FacilityLevel.Basic, FormerTier.Provincial, card: "QN5370123456789", registeredAt: Here), "1.1", 100m },
        // Level 5 card self-referred to a formerly provincial basic hospital after 01/07/2026: 50% × 100% = 50.
        { "level 5 card self-referral after", Situation(After, FacilityLevel.Basic, FormerTier.Provincial, card: "QN5370123456789"), "1.14", 50m },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task Category_and_share_follow_the_first_matching_row_in_force(string because, BenefitSituation situation, string code, decimal percent)
    {
        var decision = await Rules.DecideAsync(situation);
        Assert.True(code == decision.CategoryCode && percent == decision.PayableSharePercent,
            $"{because}: expected {code} {percent}%, got {decision.CategoryCode} {decision.PayableSharePercent}% — {decision.Explanation}");
        Assert.StartsWith($"Mã đối tượng {code} — ", decision.Explanation);
    }

    [Fact]
    public void The_explanation_says_how_the_share_was_reached_in_Vietnamese()
    {
        var after = Rules.Decide(Situation(After, FacilityLevel.Basic, FormerTier.Provincial, card: "HT3370123456789"));
        Assert.Contains("50% × mức hưởng của thẻ 95% = 47,5%", after.Explanation);
        var before = Rules.Decide(Situation(Before, FacilityLevel.Basic, FormerTier.Provincial));
        Assert.Contains("không chi trả (0%) (áp dụng đến 30/06/2026)", before.Explanation);
        var flat = Rules.Decide(Situation(Before, FacilityLevel.Primary, FormerTier.Commune));
        Assert.Contains("không phụ thuộc mức hưởng của thẻ", flat.Explanation);
    }

    [Fact]
    public void A_visit_before_the_QĐ_3276_codes_has_no_row_and_says_so()
    {
        var d = Rules.Decide(Situation(new DateOnly(2025, 6, 30), FacilityLevel.Basic, FormerTier.Provincial, registeredAt: Here));
        Assert.Equal("", d.CategoryCode);
        Assert.Contains("Không xác định được đối tượng KCB", d.Explanation);
    }

    [Theory]
    [InlineData("2024-06-30", null)]
    [InlineData("2024-07-01", 2_340_000)]
    [InlineData("2026-06-30", 2_340_000)]
    [InlineData("2026-07-01", 2_530_000)]
    public void Base_salary_is_dated(string day, int? expected)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        if (expected is null) { Assert.Throws<InvalidOperationException>(() => Rules.BaseSalaryOn(date)); return; }
        Assert.Equal(expected.Value, Rules.BaseSalaryOn(date));
        Assert.Equal(expected.Value * 0.15m, Rules.SmallVisitThreshold(date)); // 351,000 then 379,500
    }

    [Fact]
    public void A_bad_rule_file_names_the_file_line_and_reason()
    {
        var dir = Directory.CreateTempSubdirectory("bhyt-rules-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(BhytRuleTables.FindDirectory()!)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, BhytRuleTables.CategoriesFile);
            File.AppendAllText(path, "300,1.99,Thử,basic,*,*,*,bed_rest,100,1,2025-07-01,\n");
            var ex = Assert.Throws<BhytRuleFileException>(() => BhytRuleTables.Load(dir));
            Assert.Contains("bhyt_visit_categories.csv, dòng 33", ex.Message);
            Assert.Contains("điều kiện 'bed_rest' không được hỗ trợ", ex.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("000", false)]
    [InlineData("004", false)]
    [InlineData("003", true)]
    [InlineData("010", true)]
    [InlineData("051", true)]
    [InlineData("061", true)]
    [InlineData("070", true)]
    [InlineData("110", true)]
    [InlineData("123", true)]
    [InlineData("130", true)]
    [InlineData("101", false)]
    public void Blocking_card_check_codes_follow_the_vendor_list(string code, bool blocking)
    {
        Assert.Equal(blocking, BhytCardChecks.IsBlocking(code));
        Assert.DoesNotContain("không xác định", BhytCardChecks.Message(code));
    }

    private static BenefitSituation Situation(DateOnly day, FacilityLevel level, FormerTier tier, int? score = null,
        string card = "DN4370123456789", string registeredAt = "37002", bool emergency = false, bool referral = false,
        bool appointment = false, bool inpatient = false) =>
        new(day, level, tier, score, Here, BhytCardCode.TryParse(card, out _)!, registeredAt, emergency, referral, appointment, inpatient);
}
