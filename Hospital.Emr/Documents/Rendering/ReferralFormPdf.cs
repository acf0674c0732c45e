using Hospital.Domain.Clinical;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>
/// Giấy chuyển tuyến / chuyển cơ sở KCB (A4) after TT 01/2025 PL: receiving facility, the
/// patient's identity and BHYT card, clinical summary, diagnosis with ICD-10, treatment given,
/// condition at transfer, reason (code) and transport.
/// </summary>
public static class ReferralFormPdf
{
    public static (PdfDocument Pdf, XRect StampBox) Render(ExamRecordSource s, DocumentHeader h)
    {
        var e = s.Exam;
        var w = new FormWriter(PageSize.A4, "Giấy chuyển tuyến " + s.Visit.Code, h.Marking, 10);
        w.Heading(h.LeftHeading, [.. DocumentHeader.Motto, $"Số: {h.DocumentNumber}"]);
        w.Title("GIẤY CHUYỂN CƠ SỞ KHÁM BỆNH, CHỮA BỆNH BẢO HIỂM Y TẾ");
        w.Field("Kính gửi", e.ReferToFacilityName is { Length: > 0 } name
            ? $"{name}{(e.ReferToFacilityCode is { Length: > 0 } c ? $" (mã {c})" : "")}" : e.ReferToFacilityCode);
        w.Text($"Cơ sở khám bệnh, chữa bệnh {h.FacilityName} trân trọng giới thiệu người bệnh:");
        ExamRecordForm.PatientIdentity(w, s.Patient, s.Visit);

        w.Section("TÓM TẮT BỆNH ÁN");
        w.Field("Dấu hiệu lâm sàng", e.ReferralClinicalSummary ?? e.PresentIllness);
        w.Field("Kết quả xét nghiệm, cận lâm sàng", ResultsSummary(s), always: true);
        w.Field("Chẩn đoán", ExamRecordForm.Diagnosis(e.PrimaryDiagnosisCode, e.PrimaryDiagnosisText));
        w.Field("Bệnh kèm theo", ExamRecordForm.Diagnosis(e.SecondaryDiagnosisCodes, e.SecondaryDiagnosisText), always: false);
        w.Field("Phương pháp, thủ thuật, kỹ thuật, thuốc đã sử dụng", e.ReferralTreatmentGiven);
        w.Field("Tình trạng người bệnh lúc chuyển", e.ReferralConditionAtTransfer);
        w.Field("Lí do chuyển", ReasonText(e.ReferralReasonCode));
        w.Field("Hướng điều trị", e.TreatmentPlan, always: false);
        w.Field("Phương tiện vận chuyển", e.ReferralTransport);

        var box = w.SignatureBlock(h.DateLine(), "Y, BÁC SĨ KHÁM, ĐIỀU TRỊ", h.SignerName, 190);
        return (w.Finish(), box);
    }

    private static string? ResultsSummary(ExamRecordSource s)
    {
        var parts = s.Orders.Where(o => o.VoidedAt is null && o.Status == OrderStatus.Performed)
            .Select(o => $"{o.ServiceName}: {o.ResultConclusion ?? o.ResultText ?? string.Join(", ", s.Results.Where(r => r.ServiceOrderId == o.Id).Select(r => r.TestName + " " + r.Value))}")
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The two referral reasons of the transfer form as the exam page codes them: 1 = meets the referral conditions, 2 = at the patient's request.</summary>
    private static string? ReasonText(int? code) => code switch
    {
        1 => "1. Đủ điều kiện chuyển tuyến (phù hợp với quy định chuyển cơ sở KCB)",
        2 => "2. Theo yêu cầu của người bệnh hoặc người đại diện hợp pháp",
        null => null,
        _ => code.ToString(),
    };
}
