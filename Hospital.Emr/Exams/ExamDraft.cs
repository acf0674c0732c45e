using Hospital.Domain.Clinical;

namespace Hospital.Emr.Exams;

/// <summary>
/// Everything the exam form carries, as the doctor typed it (already parsed to numbers and dates).
/// <see cref="Revision"/> is the <see cref="ExamRecord.Revision"/> the form was loaded with: a save
/// from a tab that missed another tab's save is refused instead of overwriting it.
/// </summary>
public sealed record ExamDraft
{
    public int Revision { get; init; }
    public string? Reason { get; init; }
    public string? PresentIllness { get; init; }
    public string? PastHistory { get; init; }
    public string? FamilyHistory { get; init; }
    public VitalsReading Vitals { get; init; } = new();
    public string? ExamGeneral { get; init; }
    public string? ExamCardiovascular { get; init; }
    public string? ExamRespiratory { get; init; }
    public string? ExamDigestive { get; init; }
    public string? ExamRenalUrinary { get; init; }
    public string? ExamNeurological { get; init; }
    public string? ExamMusculoskeletal { get; init; }
    public string? ExamEnt { get; init; }
    public string? ExamOther { get; init; }
    public string? PrimaryDiagnosisCode { get; init; }
    public string? PrimaryDiagnosisText { get; init; }
    public string? SecondaryDiagnosisCodes { get; init; }
    public string? SecondaryDiagnosisText { get; init; }
    public string? Conclusion { get; init; }
    public string? TreatmentPlan { get; init; }
    public int? OutcomeCode { get; init; }
    public ExamDisposition Disposition { get; init; }
    public DateOnly? FollowUpDate { get; init; }
    public string? FollowUpNote { get; init; }
    public string? ReferToFacilityCode { get; init; }
    public string? ReferToFacilityName { get; init; }
    public int? ReferralReasonCode { get; init; }
    public string? ReferralClinicalSummary { get; init; }
    public string? ReferralTreatmentGiven { get; init; }
    public string? ReferralConditionAtTransfer { get; init; }
    public string? ReferralTransport { get; init; }

    /// <summary>The draft as the record stands (the form's first render).</summary>
    public static ExamDraft From(ExamRecord e, VitalSigns? v) => new()
    {
        Revision = e.Revision,
        Reason = e.Reason, PresentIllness = e.PresentIllness, PastHistory = e.PastHistory, FamilyHistory = e.FamilyHistory,
        Vitals = v is null ? new() : new(v.Pulse, v.TemperatureC, v.SystolicMmHg, v.DiastolicMmHg, v.RespiratoryRate, v.SpO2Percent, v.HeightCm, v.WeightKg),
        ExamGeneral = e.ExamGeneral, ExamCardiovascular = e.ExamCardiovascular, ExamRespiratory = e.ExamRespiratory,
        ExamDigestive = e.ExamDigestive, ExamRenalUrinary = e.ExamRenalUrinary, ExamNeurological = e.ExamNeurological,
        ExamMusculoskeletal = e.ExamMusculoskeletal, ExamEnt = e.ExamEnt, ExamOther = e.ExamOther,
        PrimaryDiagnosisCode = e.PrimaryDiagnosisCode, PrimaryDiagnosisText = e.PrimaryDiagnosisText,
        SecondaryDiagnosisCodes = e.SecondaryDiagnosisCodes, SecondaryDiagnosisText = e.SecondaryDiagnosisText,
        Conclusion = e.Conclusion, TreatmentPlan = e.TreatmentPlan, OutcomeCode = e.OutcomeCode, Disposition = e.Disposition,
        FollowUpDate = e.FollowUpDate, FollowUpNote = e.FollowUpNote,
        ReferToFacilityCode = e.ReferToFacilityCode, ReferToFacilityName = e.ReferToFacilityName, ReferralReasonCode = e.ReferralReasonCode,
        ReferralClinicalSummary = e.ReferralClinicalSummary, ReferralTreatmentGiven = e.ReferralTreatmentGiven,
        ReferralConditionAtTransfer = e.ReferralConditionAtTransfer, ReferralTransport = e.ReferralTransport,
    };

    /// <summary>Copies the draft into the record (trimmed; blank = empty). Limits were checked by <see cref="ExamDraftRules"/>.</summary>
    public void ApplyTo(ExamRecord e)
    {
        e.Reason = T(Reason); e.PresentIllness = T(PresentIllness); e.PastHistory = T(PastHistory); e.FamilyHistory = T(FamilyHistory);
        e.ExamGeneral = T(ExamGeneral); e.ExamCardiovascular = T(ExamCardiovascular); e.ExamRespiratory = T(ExamRespiratory);
        e.ExamDigestive = T(ExamDigestive); e.ExamRenalUrinary = T(ExamRenalUrinary); e.ExamNeurological = T(ExamNeurological);
        e.ExamMusculoskeletal = T(ExamMusculoskeletal); e.ExamEnt = T(ExamEnt); e.ExamOther = T(ExamOther);
        e.PrimaryDiagnosisCode = T(PrimaryDiagnosisCode)?.ToUpperInvariant();
        e.PrimaryDiagnosisText = T(PrimaryDiagnosisText);
        var secondary = PrimaryDiagnosisRules.SplitCodes(SecondaryDiagnosisCodes).Select(c => c.ToUpperInvariant()).ToList();
        e.SecondaryDiagnosisCodes = secondary.Count == 0 ? null : string.Join(";", secondary);
        e.SecondaryDiagnosisText = T(SecondaryDiagnosisText);
        e.Conclusion = T(Conclusion); e.TreatmentPlan = T(TreatmentPlan); e.OutcomeCode = OutcomeCode; e.Disposition = Disposition;
        e.FollowUpDate = FollowUpDate; e.FollowUpNote = T(FollowUpNote);
        e.ReferToFacilityCode = T(ReferToFacilityCode); e.ReferToFacilityName = T(ReferToFacilityName); e.ReferralReasonCode = ReferralReasonCode;
        e.ReferralClinicalSummary = T(ReferralClinicalSummary); e.ReferralTreatmentGiven = T(ReferralTreatmentGiven);
        e.ReferralConditionAtTransfer = T(ReferralConditionAtTransfer); e.ReferralTransport = T(ReferralTransport);
    }

    private static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
