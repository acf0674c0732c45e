using Hospital.Domain.Catalog;

namespace Hospital.Domain.Insurance;

/// <summary>
/// INTERIM benefit decision used by visit registration until the dated rule tables of the
/// insurance work replace this file (same path, same class name): it reads only the route
/// (emergency, referral, appointment slip, own primary facility, primary-level facility) and the
/// card's benefit digit, and sends every other self-referral to the basic/specialised rows of
/// QĐ 3276/QĐ-BYT (bhyt-claims.md §4.2) without the dated 01/07/2026 change.
/// </summary>
public sealed class BhytBenefitRules : IBhytBenefitRules
{
    public Task<BenefitDecision> DecideAsync(BenefitSituation s, CancellationToken ct = default)
    {
        var level = CardLevelPercent(s.Card.BenefitLevel);
        var decision =
            s.Emergency ? new BenefitDecision("2", level, "Cấp cứu: hưởng theo mức của thẻ.")
            : s.FacilityLevel == FacilityLevel.Primary ? new BenefitDecision("1.2", 100, "KCB tại cơ sở cấp ban đầu: hưởng 100%.")
            : s.CardRegisteredFacilityCode == s.FacilityCode ? new BenefitDecision("1.1", level, "Đúng nơi đăng ký KCB ban đầu: hưởng theo mức của thẻ.")
            : s.HasReferral ? new BenefitDecision("1.3", level, "Có giấy chuyển cơ sở KCB: hưởng theo mức của thẻ.")
            : s.HasAppointmentSlip ? new BenefitDecision("1.5", level, "Có giấy hẹn khám lại: hưởng theo mức của thẻ.")
            : SelfReferral(s, level);
        return Task.FromResult(decision);
    }

    private static BenefitDecision SelfReferral(BenefitSituation s, decimal level) => (s.FacilityLevel, s.FacilityFormerTier) switch
    {
        (FacilityLevel.Specialised, FormerTier.Central) => new("3.1", 0, "Tự đến cơ sở chuyên sâu tuyến trung ương cũ, ngoại trú: quỹ không chi trả."),
        (FacilityLevel.Specialised, FormerTier.Provincial) => new("1.18", 0, "Tự đến cơ sở chuyên sâu tuyến tỉnh cũ, ngoại trú: quỹ chưa chi trả."),
        (FacilityLevel.Specialised, _) => new("3.3", level, "Cơ sở tuyến huyện cũ: hưởng theo mức của thẻ."),
        (_, FormerTier.Provincial or FormerTier.Central) => new("1.14", 0, "Tự đến cơ sở cơ bản tuyến tỉnh/trung ương cũ, ngoại trú: quỹ chưa chi trả."),
        _ when s.FacilityLevelScore is >= 50 and <= 70 => new("1.13", 0, "Tự đến cơ sở cơ bản 50–70 điểm, ngoại trú: quỹ chưa chi trả."),
        _ => new("1.12", level, "Tự đến cơ sở cơ bản dưới 50 điểm: hưởng theo mức của thẻ."),
    };

    /// <summary>Card benefit digit → percent (QĐ 1351/QĐ-BHXH, bhyt-claims.md §5).</summary>
    private static decimal CardLevelPercent(int benefitLevel) => benefitLevel switch
    {
        3 => 95,
        4 => 80,
        _ => 100,
    };
}
