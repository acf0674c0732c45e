using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>The limit that applies to one prescription, with the case it comes from for the message.</summary>
public sealed record DayLimit(DayLimitCase Case, int MaxDays, int? RoundDays, int? MaxRounds)
{
    public string Describe() => Case switch
    {
        DayLimitCase.Chronic => $"đơn thuốc điều trị bệnh mạn tính (TT 26/2025 PL VII) tối đa {MaxDays} ngày",
        DayLimitCase.NarcoticAcute => $"thuốc gây nghiện điều trị cấp tính tối đa {MaxDays} ngày",
        DayLimitCase.NarcoticCancerPain => $"thuốc gây nghiện giảm đau do ung thư tối đa {MaxDays} ngày, chia tối đa {MaxRounds} đợt, mỗi đợt tối đa {RoundDays} ngày",
        DayLimitCase.ControlledAcute => $"thuốc hướng thần, tiền chất điều trị cấp tính tối đa {MaxDays} ngày",
        DayLimitCase.ControlledChronic => $"thuốc hướng thần, tiền chất điều trị bệnh mạn tính tối đa {MaxDays} ngày",
        _ => $"đơn thuốc thông thường tối đa {MaxDays} ngày (90 ngày khi có chẩn đoán bệnh mạn tính thuộc PL VII)",
    };
}

/// <summary>
/// Maximum days of a prescription (TT 26/2025; values in db/rules/rx_day_limits.csv): 30 by
/// default, 90 when a diagnosis of the visit is a PL VII chronic disease; narcotics 7 days, or 30
/// days in at most 3 rounds of 10 days for cancer pain; psychotropics and precursors 10 days, or
/// 30 for a chronic disease. The diagnoses are the exam's primary and secondary codes.
/// </summary>
public static class PrescriptionDayLimits
{
    public static DayLimit Decide(PrescriptionForm form, IReadOnlyCollection<string> diagnosisCodes, DateOnly day, PrescribingRuleTables rules)
    {
        var chronic = diagnosisCodes.Any(c => rules.IsChronic(c, day));
        var c = form switch
        {
            PrescriptionForm.Narcotic => diagnosisCodes.Any(IsCancer) ? DayLimitCase.NarcoticCancerPain : DayLimitCase.NarcoticAcute,
            PrescriptionForm.Psychotropic => chronic ? DayLimitCase.ControlledChronic : DayLimitCase.ControlledAcute,
            _ => chronic ? DayLimitCase.Chronic : DayLimitCase.Ordinary,
        };
        var rule = rules.Limit(c, day);
        return new DayLimit(c, rule.MaxDays, rule.RoundDays, rule.MaxRounds);
    }

    /// <summary>Null when <paramref name="days"/> is within the limit; else the Vietnamese refusal.</summary>
    public static string? Check(string drugName, int days, DayLimit limit) =>
        days <= limit.MaxDays ? null : $"{drugName}: kê {days} ngày vượt giới hạn — {limit.Describe()}.";

    /// <summary>
    /// Rounds (đợt) a cancer-pain narcotic prescription is dispensed in: ⌈days / round days⌉. The
    /// prescription records the first round's dates; the pharmacy dispenses the next ones.
    /// </summary>
    public static int Rounds(int days, DayLimit limit) =>
        limit.RoundDays is { } r ? (days + r - 1) / r : 1;

    /// <summary>Malignant neoplasms, ICD-10 chapter II C00–C97 (the structure of ICD-10 itself, not a regulation).</summary>
    public static bool IsCancer(string icdCode)
    {
        var key = PrescribingRuleTables.IcdKey(icdCode);
        return key.Length >= 3 && key[0] == 'C' && int.TryParse(key.AsSpan(1, 2), out var n) && n <= 97;
    }
}
