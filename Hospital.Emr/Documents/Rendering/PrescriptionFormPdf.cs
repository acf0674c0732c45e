using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents.Rendering;

public sealed record PrescriptionSource(Prescription Prescription, Visit Visit, Patient Patient, string? GuardianCccd = null);

/// <summary>
/// Đơn thuốc (A5) after TT 26/2025 PL I: the national prescription code as text and QR, patient
/// identity with CCCD and BHYT, for children under 72 months age in months, weight and guardian,
/// diagnosis, numbered drug lines (strength, quantity written "05" below 10, in words on N/H forms),
/// usage, advice, follow-up and the prescriber.
/// </summary>
public static class PrescriptionFormPdf
{
    public static (PdfDocument Pdf, XRect StampBox) Render(PrescriptionSource s, DocumentHeader h)
    {
        var rx = s.Prescription;
        var w = new FormWriter(PageSize.A5, "Đơn thuốc " + (rx.NationalCode ?? s.Visit.Code), h.Marking, 8);
        var qrSize = 62.0;
        var top = w.Y;
        if (rx.NationalCode is { Length: > 0 } code)
            QrCodeDrawing.Draw(w.Graphics, code, w.Left + w.Width - qrSize, top, qrSize);
        w.Text(h.ParentAuthority.ToUpperInvariant(), size: 7.5);
        w.Text(h.FacilityName.ToUpperInvariant(), bold: true, size: 7.5);
        w.Text($"Mã CSKCB: {h.FacilityCode}", size: 7.5);
        w.Text($"Mã đơn thuốc: {rx.NationalCode ?? "(chưa cấp)"}", bold: true);
        // The form is a signed document frozen at issue, usually before the send: it states the sending
        // only once it happened (a later issue), never a "not sent" that would soon be false on paper.
        if (rx.NationalStatus == NationalPrescriptionStatus.Sent && rx.NationalSentAt is { } sent)
            w.Text($"Đã gửi Hệ thống đơn thuốc quốc gia lúc {Hospital.Domain.Common.VietnamCalendar.ToLocal(sent).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}", size: 7.5);
        w.Gap(Math.Max(0, top + qrSize - w.Y));
        w.Title(FormTitle(rx.Form));

        var p = s.Patient;
        w.Field("Họ tên", p.FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
        w.Columns(("Ngày sinh", p.DateOfBirth is { } dob ? DocumentHeader.Date(dob) : p.BirthYear.ToString(CultureInfo.InvariantCulture)),
            ("Giới tính", ExamRecordForm.SexText(p.Sex)));
        w.Columns(("Số CCCD", p.Cccd), ("Số thẻ BHYT", s.Visit.CardNumber ?? "Không"));
        if (rx.AgeMonths is { } months)
        {
            w.Columns(("Tháng tuổi", months.ToString(CultureInfo.InvariantCulture)),
                ("Cân nặng", rx.WeightKg?.ToString("0.#", CultureInfo.InvariantCulture) + " kg"));
            w.Field("Người giám hộ", string.Join(", ", new[] { rx.GuardianName ?? p.GuardianName, rx.GuardianPhone ?? p.GuardianPhone, s.GuardianCccd is null ? null : "CCCD " + s.GuardianCccd }
                .Where(x => !string.IsNullOrWhiteSpace(x))));
        }
        w.Field("Địa chỉ", rx.GuardianAddress ?? p.AddressLine, always: false);
        w.Field("Chẩn đoán", ExamRecordForm.Diagnosis(rx.DiagnosisCodes, rx.DiagnosisText));

        w.Section("Thuốc điều trị:");
        var words = rx.Form is PrescriptionForm.Narcotic or PrescriptionForm.Psychotropic;
        var n = 0;
        foreach (var line in rx.Lines.OrderBy(l => l.Position))
        {
            n++;
            var name = DrugName(line);
            var quantity = QuantityText.Number(line.Quantity) + " " + line.Unit;
            if (words && line.Quantity == decimal.Truncate(line.Quantity))
                quantity += $" ({QuantityText.Words((long)line.Quantity)} {line.Unit})";
            w.Text($"{n}. {name}    SL: {quantity}", bold: true);
            w.Text("Cách dùng: " + (line.Usage ?? Usage(line)), italic: true, indent: 10);
        }

        w.Gap(2);
        w.Field("Lời dặn", rx.Advice, always: false);
        if (rx.FollowUpDays is { } days) w.Field("Hẹn tái khám", $"sau {days} ngày");
        if (rx.Form == PrescriptionForm.Ordinary)
            w.Text("Khám lại xin mang theo đơn này.", italic: true, size: 7);
        var box = w.SignatureBlock(h.DateLine(), "BÁC SĨ KÊ ĐƠN", h.SignerName, 150);
        return (w.Finish(), box);
    }

    /// <summary>Active ingredient first, the brand in brackets when it differs (TT 26/2025 Đ6: prescribe by active ingredient), then the strength once.</summary>
    internal static string DrugName(PrescriptionLine line)
    {
        var name = line.ActiveIngredient.Length > 0 && !line.DrugName.Contains(line.ActiveIngredient, StringComparison.OrdinalIgnoreCase)
            ? $"{line.ActiveIngredient} ({line.DrugName})"
            : line.DrugName;
        return line.Strength is { Length: > 0 } strength && !name.Contains(strength, StringComparison.OrdinalIgnoreCase)
            ? name + " " + strength
            : name;
    }

    private static string FormTitle(PrescriptionForm form) => form switch
    {
        PrescriptionForm.Narcotic => "ĐƠN THUỐC \"N\"",
        PrescriptionForm.Psychotropic => "ĐƠN THUỐC \"H\"",
        PrescriptionForm.Herbal => "ĐƠN THUỐC Y HỌC CỔ TRUYỀN",
        _ => "ĐƠN THUỐC",
    };

    private static string Usage(PrescriptionLine l) =>
        $"{l.Route ?? "Uống"} {l.DosePerTime.ToString("0.##", CultureInfo.InvariantCulture)} {l.Unit}/lần × {l.TimesPerDay} lần/ngày, {l.Days} ngày{(l.Timing is { Length: > 0 } t ? ", " + t : "")}";
}
