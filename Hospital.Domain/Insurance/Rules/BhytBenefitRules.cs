using System.Globalization;
using Hospital.Domain.Catalog;

namespace Hospital.Domain.Insurance.Rules;

/// <summary>
/// MA_DOITUONG_KCB and MUC_HUONG for a BHYT visit, read from the dated tables of db/rules
/// (<see cref="BhytRuleTables"/>): the first row of the QĐ 3276 table, in table order, whose
/// conditions hold and which is in force on the visit date (bhyt-claims.md §4.2: "if several
/// apply, take the first in table order"), times the card level's percent unless the row pays a
/// flat share. No regulation is written as an <c>if</c> here: a new decision is a new row.
/// </summary>
public sealed class BhytBenefitRules(BhytRuleTables tables) : IBhytBenefitRules
{
    public BhytRuleTables Tables => tables;

    public Task<BenefitDecision> DecideAsync(BenefitSituation situation, CancellationToken ct = default) =>
        Task.FromResult(Decide(situation));

    public BenefitDecision Decide(BenefitSituation s)
    {
        var day = s.VisitDate;
        var level = s.Card.BenefitLevel;
        var levelRate = tables.Levels.FirstOrDefault(l => l.Level == level && l.ValidFrom <= day && (l.ValidTo is null || day <= l.ValidTo));
        if (levelRate is null)
            return new BenefitDecision("", 0, $"Không có tỷ lệ hưởng cho mức {level} của thẻ vào ngày {Date(day)}: cần bổ sung bảng quy tắc.");

        var facts = FactsOf(s);
        var care = s.Inpatient ? CareSetting.Inpatient : CareSetting.Outpatient;
        var rule = tables.Categories.FirstOrDefault(r =>
            r.RoutePercent is not null
            && r.InForceOn(day)
            && (r.FacilityLevels is null || r.FacilityLevels.Contains(s.FacilityLevel))
            && (r.FormerTiers is null || r.FormerTiers.Contains(s.FacilityFormerTier))
            && (r.Scores is null || r.Scores.Any(b => b.Matches(s.FacilityLevelScore)))
            && (r.Care is null || r.Care == care)
            && r.Requires.All(facts.Contains));
        if (rule is null)
            return new BenefitDecision("", 0,
                $"Không xác định được đối tượng KCB theo bảng QĐ 3276 cho trường hợp này ngày {Date(day)}: bộ phận giám định BHYT cần xác định mã.");

        var route = rule.RoutePercent!.Value;
        var percent = rule.CardLevelApplies ? decimal.Round(levelRate.Percent * route / 100m, 2, MidpointRounding.AwayFromZero) : route;
        var until = rule.ValidTo is { } to ? $" (áp dụng đến {Date(to)})" : "";
        var share = (rule.CardLevelApplies, route) switch
        {
            (_, 0) => $"quỹ BHYT không chi trả (0%){until}",
            (false, _) => $"quỹ BHYT chi trả {Pct(route)}% chi phí trong phạm vi, không phụ thuộc mức hưởng của thẻ{until}",
            (true, 100) => $"quỹ BHYT chi trả theo mức hưởng của thẻ (mức {level}: {Pct(levelRate.Percent)}%){until}",
            (true, _) => $"quỹ BHYT chi trả {Pct(route)}% × mức hưởng của thẻ {Pct(levelRate.Percent)}% = {Pct(percent)}%{until}",
        };
        return new BenefitDecision(rule.Code, percent, $"Mã đối tượng {rule.Code} — {rule.Description}: {share}.");
    }

    /// <summary>Lương cơ sở in force on <paramref name="day"/> (VND/month); the claim's small-visit threshold is 15% of it.</summary>
    public decimal BaseSalaryOn(DateOnly day) =>
        tables.BaseSalaries.LastOrDefault(b => b.ValidFrom <= day)?.Amount
        ?? throw new InvalidOperationException($"Không có lương cơ sở cho ngày {Date(day)} trong {BhytRuleTables.BaseSalaryFile}.");

    /// <summary>
    /// A visit whose in-scope cost is below 15% of lương cơ sở is paid at 100% (QĐ 4750 MUC_HUONG
    /// text, bhyt-claims.md §4.3, §5): 351,000 VND from 01/07/2024.
    /// </summary>
    public decimal SmallVisitThreshold(DateOnly day) => decimal.Round(BaseSalaryOn(day) * 0.15m, 0, MidpointRounding.AwayFromZero);

    private static HashSet<string> FactsOf(BenefitSituation s)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var own = string.Equals(s.FacilityCode.Trim(), s.CardRegisteredFacilityCode.Trim(), StringComparison.OrdinalIgnoreCase)
                  && s.FacilityCode.Trim().Length > 0;
        if (own) facts.Add("own_facility");
        if (s.HasReferral) facts.Add("referral");
        if (s.HasAppointmentSlip) facts.Add("appointment");
        if (s.Emergency) facts.Add("emergency");
        // Self-referral (tự đi KCB) = none of the reasons that keep the full route benefit.
        if (!own && !s.HasReferral && !s.HasAppointmentSlip && !s.Emergency) facts.Add("self_referral");
        return facts;
    }

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string Pct(decimal p) => p.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
