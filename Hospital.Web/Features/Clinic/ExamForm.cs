using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Emr.Exams;

namespace Hospital.Web.Features.Clinic;

/// <summary>
/// Reads the exam form (field names = <see cref="ExamDraft"/> property names) as both the page's
/// own post and the htmx autosave send it. Numbers take a decimal comma or point ("37,5" as
/// staff type it); a value that is not a number is an error, never silently dropped.
/// </summary>
public static class ExamForm
{
    public static (ExamDraft Draft, IReadOnlyList<FieldError> Errors) Read(IFormCollection f)
    {
        var errors = new List<FieldError>();
        string? S(string name) => f.TryGetValue(name, out var v) ? v.ToString() : null;
        int? I(string name, string label)
        {
            var text = S(name)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(new(name, $"{label} phải là số nguyên."));
            return null;
        }
        decimal? D(string name, string label)
        {
            var text = S(name)?.Trim().Replace(',', '.');
            if (string.IsNullOrEmpty(text)) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n < 100000) return n;
            errors.Add(new(name, $"{label} phải là số."));
            return null;
        }
        DateOnly? Date(string name, string label)
        {
            var text = S(name)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(new(name, $"{label} phải có dạng dd/MM/yyyy."));
            return null;
        }

        var disposition = Enum.TryParse<ExamDisposition>(S(nameof(ExamDraft.Disposition)), out var disp) && Enum.IsDefined(disp) ? disp : ExamDisposition.None;
        var draft = new ExamDraft
        {
            Revision = I(nameof(ExamDraft.Revision), "Phiên bản") ?? 0,
            Reason = S(nameof(ExamDraft.Reason)),
            PresentIllness = S(nameof(ExamDraft.PresentIllness)),
            PastHistory = S(nameof(ExamDraft.PastHistory)),
            FamilyHistory = S(nameof(ExamDraft.FamilyHistory)),
            Vitals = new VitalsReading(
                I(nameof(VitalsReading.Pulse), "Mạch"),
                D(nameof(VitalsReading.TemperatureC), "Nhiệt độ"),
                I(nameof(VitalsReading.SystolicMmHg), "Huyết áp tâm thu"),
                I(nameof(VitalsReading.DiastolicMmHg), "Huyết áp tâm trương"),
                I(nameof(VitalsReading.RespiratoryRate), "Nhịp thở"),
                I(nameof(VitalsReading.SpO2Percent), "SpO2"),
                D(nameof(VitalsReading.HeightCm), "Chiều cao"),
                D(nameof(VitalsReading.WeightKg), "Cân nặng")),
            ExamGeneral = S(nameof(ExamDraft.ExamGeneral)),
            ExamCardiovascular = S(nameof(ExamDraft.ExamCardiovascular)),
            ExamRespiratory = S(nameof(ExamDraft.ExamRespiratory)),
            ExamDigestive = S(nameof(ExamDraft.ExamDigestive)),
            ExamRenalUrinary = S(nameof(ExamDraft.ExamRenalUrinary)),
            ExamNeurological = S(nameof(ExamDraft.ExamNeurological)),
            ExamMusculoskeletal = S(nameof(ExamDraft.ExamMusculoskeletal)),
            ExamEnt = S(nameof(ExamDraft.ExamEnt)),
            ExamOther = S(nameof(ExamDraft.ExamOther)),
            PrimaryDiagnosisCode = S(nameof(ExamDraft.PrimaryDiagnosisCode)),
            PrimaryDiagnosisText = S(nameof(ExamDraft.PrimaryDiagnosisText)),
            SecondaryDiagnosisCodes = S(nameof(ExamDraft.SecondaryDiagnosisCodes)),
            SecondaryDiagnosisText = S(nameof(ExamDraft.SecondaryDiagnosisText)),
            Conclusion = S(nameof(ExamDraft.Conclusion)),
            TreatmentPlan = S(nameof(ExamDraft.TreatmentPlan)),
            OutcomeCode = I(nameof(ExamDraft.OutcomeCode), "Kết quả điều trị"),
            Disposition = disposition,
            FollowUpDate = Date(nameof(ExamDraft.FollowUpDate), "Ngày hẹn khám lại"),
            FollowUpNote = S(nameof(ExamDraft.FollowUpNote)),
            ReferToFacilityCode = S(nameof(ExamDraft.ReferToFacilityCode)),
            ReferToFacilityName = S(nameof(ExamDraft.ReferToFacilityName)),
            ReferralReasonCode = I(nameof(ExamDraft.ReferralReasonCode), "Lý do chuyển tuyến"),
            ReferralClinicalSummary = S(nameof(ExamDraft.ReferralClinicalSummary)),
            ReferralTreatmentGiven = S(nameof(ExamDraft.ReferralTreatmentGiven)),
            ReferralConditionAtTransfer = S(nameof(ExamDraft.ReferralConditionAtTransfer)),
            ReferralTransport = S(nameof(ExamDraft.ReferralTransport)),
        };
        return (draft, errors);
    }
}
