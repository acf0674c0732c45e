using Hospital.Domain.Clinical;

namespace Hospital.Emr.Exams;

/// <summary>
/// What a record needs before it can be concluded and signed, besides the diagnosis rules
/// (<see cref="PrimaryDiagnosisRules"/>) and plausible vitals (<see cref="ExamDraftRules"/>):
/// a disposition (hướng xử trí); for a transfer, the receiving facility and the reason the
/// referral paper states (TT 32/2023 PL XXIX, giấy chuyển cơ sở KCB); a follow-up appointment in
/// the future; the signing password.
/// </summary>
public static class ConclusionRules
{
    public static IReadOnlyList<FieldError> Check(ExamRecord e, DateOnly today, string? signingPassword)
    {
        var errors = new List<FieldError>();
        if (e.Disposition == ExamDisposition.None)
            errors.Add(new(nameof(e.Disposition), "Chọn hướng xử trí (cho về, nhập viện hoặc chuyển tuyến)."));
        if (e.Disposition == ExamDisposition.ReferOut)
        {
            if (string.IsNullOrWhiteSpace(e.ReferToFacilityName) && string.IsNullOrWhiteSpace(e.ReferToFacilityCode))
                errors.Add(new(nameof(e.ReferToFacilityName), "Chuyển tuyến: ghi cơ sở khám bệnh, chữa bệnh chuyển đến."));
            if (e.ReferralReasonCode is null)
                errors.Add(new(nameof(e.ReferralReasonCode), "Chuyển tuyến: chọn lý do chuyển (đủ điều kiện chuyển tuyến hoặc theo yêu cầu người bệnh)."));
        }
        if (e.FollowUpDate is { } followUp && followUp <= today)
            errors.Add(new(nameof(e.FollowUpDate), $"Ngày hẹn khám lại phải sau hôm nay ({today:dd/MM/yyyy})."));
        if (string.IsNullOrEmpty(signingPassword))
            errors.Add(new("signingPassword", "Nhập mật khẩu chữ ký số để ký hồ sơ."));
        return errors;
    }
}
