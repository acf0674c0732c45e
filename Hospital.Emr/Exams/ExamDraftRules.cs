namespace Hospital.Emr.Exams;

/// <summary>
/// What any save of the exam form must satisfy, draft or not: plausible vitals and texts that fit
/// their columns. Completeness (diagnosis, disposition) is only asked at conclusion
/// (<see cref="ConclusionRules"/>): a draft is allowed to be unfinished.
/// </summary>
public static class ExamDraftRules
{
    public static IReadOnlyList<FieldError> Check(ExamDraft d)
    {
        var errors = VitalSignsPlausibility.Check(d.Vitals).ToList();
        Length(errors, nameof(d.Reason), "Lý do khám", d.Reason, 1000);
        foreach (var (field, label, value) in new[]
                 {
                     (nameof(d.PresentIllness), "Bệnh sử", d.PresentIllness), (nameof(d.PastHistory), "Tiền sử bản thân", d.PastHistory),
                     (nameof(d.FamilyHistory), "Tiền sử gia đình", d.FamilyHistory), (nameof(d.ExamGeneral), "Khám toàn thân", d.ExamGeneral),
                     (nameof(d.ExamCardiovascular), "Tuần hoàn", d.ExamCardiovascular), (nameof(d.ExamRespiratory), "Hô hấp", d.ExamRespiratory),
                     (nameof(d.ExamDigestive), "Tiêu hóa", d.ExamDigestive), (nameof(d.ExamRenalUrinary), "Thận – tiết niệu", d.ExamRenalUrinary),
                     (nameof(d.ExamNeurological), "Thần kinh", d.ExamNeurological), (nameof(d.ExamMusculoskeletal), "Cơ xương khớp", d.ExamMusculoskeletal),
                     (nameof(d.ExamEnt), "Tai mũi họng, răng hàm mặt, mắt", d.ExamEnt), (nameof(d.ExamOther), "Các bộ phận khác", d.ExamOther),
                     (nameof(d.Conclusion), "Kết luận", d.Conclusion), (nameof(d.TreatmentPlan), "Hướng điều trị", d.TreatmentPlan),
                     (nameof(d.ReferralClinicalSummary), "Tóm tắt bệnh án chuyển tuyến", d.ReferralClinicalSummary),
                     (nameof(d.ReferralTreatmentGiven), "Phương pháp, thuốc đã dùng", d.ReferralTreatmentGiven),
                 })
            Length(errors, field, label, value, 4000);
        Length(errors, nameof(d.PrimaryDiagnosisCode), "Mã chẩn đoán chính", d.PrimaryDiagnosisCode, 10);
        Length(errors, nameof(d.PrimaryDiagnosisText), "Chẩn đoán chính", d.PrimaryDiagnosisText, 1000);
        Length(errors, nameof(d.SecondaryDiagnosisCodes), "Mã bệnh kèm theo", d.SecondaryDiagnosisCodes, 200);
        Length(errors, nameof(d.SecondaryDiagnosisText), "Bệnh kèm theo", d.SecondaryDiagnosisText, 2000);
        Length(errors, nameof(d.FollowUpNote), "Ghi chú hẹn khám lại", d.FollowUpNote, 500);
        Length(errors, nameof(d.ReferToFacilityCode), "Mã cơ sở chuyển đến", d.ReferToFacilityCode, 10);
        Length(errors, nameof(d.ReferToFacilityName), "Cơ sở chuyển đến", d.ReferToFacilityName, 300);
        Length(errors, nameof(d.ReferralConditionAtTransfer), "Tình trạng lúc chuyển", d.ReferralConditionAtTransfer, 1000);
        Length(errors, nameof(d.ReferralTransport), "Phương tiện vận chuyển", d.ReferralTransport, 300);
        if (d.OutcomeCode is { } o && !ExamOutcomes.Labels.ContainsKey(o))
            errors.Add(new(nameof(d.OutcomeCode), "Kết quả điều trị không thuộc danh mục KET_QUA_DTRI (1–8)."));
        if (d.ReferralReasonCode is { } r && r is not (1 or 2))
            errors.Add(new(nameof(d.ReferralReasonCode), "Lý do chuyển tuyến phải là 1 (đủ điều kiện) hoặc 2 (theo yêu cầu người bệnh)."));
        return errors;
    }

    private static void Length(List<FieldError> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
            errors.Add(new(field, $"{label} dài quá {max} ký tự."));
    }
}

/// <summary>KET_QUA_DTRI of XML1 (QĐ 130; 8 added by QĐ 4750; bhyt-claims.md §4.1).</summary>
public static class ExamOutcomes
{
    public static readonly IReadOnlyDictionary<int, string> Labels = new Dictionary<int, string>
    {
        [1] = "1 – Khỏi",
        [2] = "2 – Đỡ",
        [3] = "3 – Không thay đổi",
        [4] = "4 – Nặng hơn",
        [5] = "5 – Tử vong",
        [6] = "6 – Tiên lượng nặng xin về",
        [7] = "7 – Chưa xác định",
        [8] = "8 – Tử vong ngoại viện",
    };
}
