using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>Everything the exam record prints, loaded by the issuer (tracked, so unsaved conclusion edits are included).</summary>
public sealed record ExamRecordSource(
    ExamRecord Exam, Visit Visit, Patient Patient, VitalSigns? Vitals,
    IReadOnlyList<ServiceOrder> Orders, IReadOnlyList<ServiceResult> Results, IReadOnlyList<ExamAddendum> Addenda);

/// <summary>
/// Phiếu khám bệnh (outpatient exam record, A4), modelled on the BYT outpatient record form
/// (TT 32/2023 PL XXVIII, kept as an electronic record under TT 13/2025): identity, BHYT, history,
/// vitals, exam by system, diagnoses with ICD-10 codes, orders and results, conclusion, plan,
/// disposition, follow-up; addenda with reason, time and author from version 2.
/// </summary>
public static class ExamRecordForm
{
    public static (PdfDocument Pdf, XRect StampBox) Render(ExamRecordSource s, DocumentHeader h)
    {
        var w = new FormWriter(PageSize.A4, "Phiếu khám bệnh " + s.Visit.Code, h.Marking, 10);
        w.Heading(h.LeftHeading, [.. DocumentHeader.Motto, $"Số: {h.DocumentNumber}"]);
        w.Title("PHIẾU KHÁM BỆNH", $"(Khám ngoại trú – mã lượt khám {s.Visit.Code}, MA_LK {s.Visit.MaLk})");

        PatientIdentity(w, s.Patient, s.Visit);
        w.Field("Lý do đến khám", s.Exam.Reason ?? s.Visit.Reason);

        w.Section("I. HỎI BỆNH");
        w.Field("Bệnh sử", s.Exam.PresentIllness);
        w.Field("Tiền sử bản thân", s.Exam.PastHistory);
        w.Field("Tiền sử gia đình", s.Exam.FamilyHistory, always: false);

        w.Section("II. KHÁM BỆNH");
        Vitals(w, s.Vitals);
        w.Field("Toàn thân", s.Exam.ExamGeneral);
        w.Field("Tuần hoàn", s.Exam.ExamCardiovascular, always: false);
        w.Field("Hô hấp", s.Exam.ExamRespiratory, always: false);
        w.Field("Tiêu hóa", s.Exam.ExamDigestive, always: false);
        w.Field("Thận – tiết niệu", s.Exam.ExamRenalUrinary, always: false);
        w.Field("Thần kinh", s.Exam.ExamNeurological, always: false);
        w.Field("Cơ xương khớp", s.Exam.ExamMusculoskeletal, always: false);
        w.Field("Tai mũi họng", s.Exam.ExamEnt, always: false);
        w.Field("Các cơ quan khác", s.Exam.ExamOther, always: false);

        OrdersAndResults(w, s);

        w.Section("III. CHẨN ĐOÁN VÀ XỬ TRÍ");
        w.Field("Chẩn đoán chính", Diagnosis(s.Exam.PrimaryDiagnosisCode, s.Exam.PrimaryDiagnosisText));
        w.Field("Bệnh kèm theo", Diagnosis(s.Exam.SecondaryDiagnosisCodes, s.Exam.SecondaryDiagnosisText), always: false);
        w.Field("Kết luận", s.Exam.Conclusion);
        w.Field("Hướng điều trị", s.Exam.TreatmentPlan);
        w.Field("Xử trí", Disposition(s.Exam));
        w.Field("Hẹn tái khám", FollowUp(s.Exam), always: false);

        Addenda(w, s.Addenda, h);

        var box = w.SignatureBlock(h.DateLine(), "BÁC SĨ KHÁM BỆNH", h.SignerName, 190);
        return (w.Finish(), box);
    }

    internal static void PatientIdentity(FormWriter w, Patient p, Visit v)
    {
        var today = VisitDay(v);
        w.Columns(("Họ và tên", p.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))), ("Mã người bệnh", p.Code));
        w.Columns(("Ngày sinh", p.DateOfBirth is { } dob ? DocumentHeader.Date(dob) : p.BirthYear.ToString(CultureInfo.InvariantCulture)),
            ("Tuổi", PatientAge.Years(p.DateOfBirth, p.BirthYear, today).ToString(CultureInfo.InvariantCulture)),
            ("Giới tính", SexText(p.Sex)));
        w.Columns(("Số CCCD", p.Cccd), ("Điện thoại", p.Phone));
        w.Field("Địa chỉ", p.AddressLine, always: false);
        w.Columns(("Số thẻ BHYT", v.CardNumber ?? "Không"),
            ("Giá trị từ", v.CardValidFrom is null ? null : $"{DocumentHeader.Date(v.CardValidFrom)} đến {DocumentHeader.Date(v.CardValidTo)}"));
        w.Columns(("Vào khám lúc", DocumentHeader.Time(v.RegisteredAt)), ("Đối tượng", KindText(v.Kind)));
    }

    internal static DateOnly VisitDay(Visit v) => v.VisitDate;

    private static void Vitals(FormWriter w, VitalSigns? v)
    {
        if (v is null) { w.Field("Dấu hiệu sinh tồn", "Không ghi nhận"); return; }
        string N(decimal? d) => d?.ToString("0.#", CultureInfo.InvariantCulture) ?? "…";
        string I(int? i) => i?.ToString(CultureInfo.InvariantCulture) ?? "…";
        w.Columns(("Mạch", I(v.Pulse) + " l/ph"), ("Nhiệt độ", N(v.TemperatureC) + " °C"),
            ("Huyết áp", $"{I(v.SystolicMmHg)}/{I(v.DiastolicMmHg)} mmHg"));
        w.Columns(("Nhịp thở", I(v.RespiratoryRate) + " l/ph"), ("SpO2", I(v.SpO2Percent) + " %"),
            ("Cân nặng", N(v.WeightKg) + " kg"), ("Chiều cao", N(v.HeightCm) + " cm"));
    }

    private static void OrdersAndResults(FormWriter w, ExamRecordSource s)
    {
        var orders = s.Orders.Where(o => o.VoidedAt is null && o.Status != OrderStatus.Cancelled).ToList();
        if (orders.Count == 0) return;
        w.Section("Cận lâm sàng đã chỉ định");
        foreach (var o in orders)
        {
            var results = s.Results.Where(r => r.ServiceOrderId == o.Id && r.SupersededAt is null)
                .Select(r => $"{r.TestName} {r.Value}{(r.Unit is { Length: > 0 } u ? " " + u : "")}{FlagText(r.Flag)}")
                .ToList();
            var text = o.ResultConclusion ?? o.ResultText;
            var summary = results.Count > 0 ? string.Join("; ", results) : text ?? "chưa có kết quả";
            w.Field("• " + o.ServiceName, summary, indent: 6);
        }
    }

    private static void Addenda(FormWriter w, IReadOnlyList<ExamAddendum> addenda, DocumentHeader h)
    {
        if (h.Version < 2 && addenda.Count == 0) return;
        w.Section($"IV. GHI BỔ SUNG (phiên bản {h.Version})");
        if (h.CorrectionReason is { Length: > 0 }) w.Field("Lý do phiên bản này", h.CorrectionReason);
        foreach (var a in addenda.OrderBy(a => a.CreatedAt))
        {
            w.Field($"• {DocumentHeader.Time(a.CreatedAt)} – {a.CreatedBy}", $"{a.Text} (lý do: {a.Reason})", indent: 6);
        }
    }

    internal static string? Diagnosis(string? codes, string? text) =>
        (codes, text) switch
        {
            (null or "", null or "") => null,
            (null or "", _) => text,
            (_, null or "") => codes,
            _ => $"{text} ({codes})",
        };

    private static string Disposition(ExamRecord e) => e.Disposition switch
    {
        ExamDisposition.Home => "Cho về, điều trị ngoại trú",
        ExamDisposition.Admit => "Nhập viện điều trị nội trú",
        ExamDisposition.ReferOut => $"Chuyển tuyến đến {e.ReferToFacilityName ?? e.ReferToFacilityCode}",
        _ => "…",
    };

    private static string? FollowUp(ExamRecord e) =>
        e.FollowUpDate is null && string.IsNullOrWhiteSpace(e.FollowUpNote) ? null
        : string.Join(" – ", new[] { DocumentHeader.Date(e.FollowUpDate), e.FollowUpNote }.Where(x => !string.IsNullOrWhiteSpace(x)));

    private static string FlagText(ResultFlag f) => f switch
    {
        ResultFlag.High or ResultFlag.CriticalHigh => " (↑)",
        ResultFlag.Low or ResultFlag.CriticalLow => " (↓)",
        ResultFlag.Abnormal => " (*)",
        _ => "",
    };

    internal static string SexText(Sex s) => s switch { Sex.Male => "Nam", Sex.Female => "Nữ", _ => "Chưa rõ" };

    private static string KindText(VisitKind k) => k switch
    {
        VisitKind.Bhyt => "BHYT",
        VisitKind.Fee => "Thu phí",
        _ => "Miễn phí",
    };
}
