using Hospital.Domain.Catalog;

namespace Hospital.Domain.Insurance;

/// <summary>What decides the benefit of a BHYT visit at registration (bhyt-claims.md §4.2, §5).</summary>
public sealed record BenefitSituation(
    DateOnly VisitDate,
    FacilityLevel FacilityLevel,
    FormerTier FacilityFormerTier,
    int? FacilityLevelScore,
    string FacilityCode,
    BhytCardCode Card,
    string CardRegisteredFacilityCode,
    bool Emergency,
    bool HasReferral,
    bool HasAppointmentSlip,
    bool Inpatient = false);

/// <summary>MA_DOITUONG_KCB and MUC_HUONG (percent) for the situation, with a sentence a clerk can read.</summary>
public sealed record BenefitDecision(string CategoryCode, decimal PayableSharePercent, string Explanation);

/// <summary>The dated benefit rules in force (QĐ 3276 table, card-level rates); kept as data, not code.</summary>
public interface IBhytBenefitRules
{
    Task<BenefitDecision> DecideAsync(BenefitSituation situation, CancellationToken ct = default);
}
