using Hospital.Emr.Pdf;
using Hospital.Web.Features.Lab;
using Hospital.Web.Platform;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// The dispensing slip (phiếu xuất thuốc cấp phát ngoại trú), A5: facility and store, number and
/// time, patient, prescription code and form, prescriber, each lot handed out (drug, lot, expiry,
/// unit, quantity), the receiver for narcotic and psychotropic forms (TT 20/2017 Đ41), and the
/// dispenser's and receiver's signatures.
/// </summary>
public static class DispensationSlipPdf
{
    private const double Margin = 28;

    public static byte[] Render(DispensationPrint p)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        document.Info.Title = $"Phiếu xuất thuốc {p.Dispensation.Number}";
        document.Info.Creator = "Hospital";
        var page = document.AddPage();
        page.Size = PageSize.A5;
        var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var y = Margin;
        void Line(string text, double size, bool bold = false, XStringFormat? format = null, double gap = 1.4)
        {
            var font = DejaVuFontResolver.Face(size, bold);
            gfx.DrawString(SpecimenLabelPdf.Fit(gfx, text, font, width), font, XBrushes.Black, new XRect(Margin, y, width, size * 1.2), format ?? XStringFormats.TopLeft);
            y += size * gap;
        }
        var f = p.Facility;
        if (f?.ParentAuthority is { Length: > 0 } parent) Line(parent.ToUpperInvariant(), 8);
        Line((f?.Name ?? "").ToUpperInvariant(), 9, bold: true);
        Line("Khoa Dược – " + p.StoreName, 8.5);
        gfx.DrawString($"Số: {p.Dispensation.Number}", DejaVuFontResolver.Face(8.5, true), XBrushes.Black, new XRect(Margin, Margin, width, 10), XStringFormats.TopRight);
        y += 6;
        Line("PHIẾU XUẤT THUỐC", 14, bold: true, XStringFormats.TopCenter, 1.5);
        Line($"Cấp phát lúc {VietnamTime.Format(p.Dispensation.DispensedAt)}", 8.5, format: XStringFormats.TopCenter, gap: 2);

        Line($"Người bệnh: {p.PatientName.ToUpperInvariant()}", 9, bold: true);
        Line($"Mã BN: {p.PatientCode}   Ngày sinh: {p.PatientBirth}   Mã lượt khám: {p.VisitCode}", 9);
        Line($"Mã đơn thuốc: {p.PrescriptionCode}", 9);
        Line($"{DispensingLabels.Form(p.Form)}   Bác sĩ kê đơn: {p.DoctorName}", 9);
        if (p.Dispensation.ReceiverName is { } receiver) Line($"Người nhận thuốc: {receiver}   Số CCCD/định danh: {p.Dispensation.ReceiverIdNumber}", 9);
        y += 4;

        double[] at = [0, 0.06, 0.50, 0.66, 0.80, 0.89];
        string[] headings = ["TT", "Tên thuốc, hàm lượng", "Số lô", "Hạn dùng", "ĐVT", "Số lượng"];
        gfx.DrawRectangle(XBrushes.LightGray, Margin, y, width, 13);
        for (var i = 0; i < headings.Length; i++) Cell(gfx, headings[i], i, at, width, y, bold: true);
        y += 15;
        for (var n = 0; n < p.Lines.Count; n++)
        {
            var l = p.Lines[n];
            string[] cells = [$"{n + 1}", l.Title, l.LotNumber, VietnamTime.Date(l.Expiry), l.Unit, PrescriptionDispensing.Qty(l.Quantity)];
            for (var i = 0; i < cells.Length; i++) Cell(gfx, cells[i], i, at, width, y);
            y += 12;
            if (l.Returned > 0)
            {
                Cell(gfx, $"Đã trả lại {PrescriptionDispensing.Qty(l.Returned)} {l.Unit}", 1, at, width, y);
                y += 12;
            }
        }
        gfx.DrawLine(XPens.Gray, Margin, y, Margin + width, y);
        y += 4;
        Line($"Cộng: {p.Lines.Count} khoản", 8.5, gap: 1.6);
        if (p.Dispensation.Note is { Length: > 0 } note) Line($"Ghi chú: {note}", 8.5, gap: 1.6);
        y += 6;

        var half = width / 2;
        gfx.DrawString("Người nhận thuốc", DejaVuFontResolver.Face(9, true), XBrushes.Black, new XRect(Margin, y, half, 12), XStringFormats.TopCenter);
        gfx.DrawString("Người phát thuốc", DejaVuFontResolver.Face(9, true), XBrushes.Black, new XRect(Margin + half, y, half, 12), XStringFormats.TopCenter);
        gfx.DrawString("(Ký, ghi rõ họ tên)", DejaVuFontResolver.Face(7.5), XBrushes.Black, new XRect(Margin, y + 11, half, 10), XStringFormats.TopCenter);
        gfx.DrawString("(Ký, ghi rõ họ tên)", DejaVuFontResolver.Face(7.5), XBrushes.Black, new XRect(Margin + half, y + 11, half, 10), XStringFormats.TopCenter);
        if (p.Dispensation.ReceiverName is { } r)
            gfx.DrawString(r, DejaVuFontResolver.Face(9), XBrushes.Black, new XRect(Margin, y + 52, half, 12), XStringFormats.TopCenter);
        gfx.DrawString(p.DispenserName, DejaVuFontResolver.Face(9), XBrushes.Black, new XRect(Margin + half, y + 52, half, 12), XStringFormats.TopCenter);
        gfx.Dispose();

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Cell(XGraphics gfx, string text, int i, double[] at, double width, double y, bool bold = false)
    {
        var font = DejaVuFontResolver.Face(8, bold);
        var left = Margin + at[i] * width;
        var right = Margin + (i + 1 < at.Length ? at[i + 1] : 1) * width;
        if (i == at.Length - 1) gfx.DrawString(text, font, XBrushes.Black, new XRect(left, y + 1, right - left - 2, 11), XStringFormats.TopRight);
        else gfx.DrawString(SpecimenLabelPdf.Fit(gfx, text, font, right - left - 4), font, XBrushes.Black, new XPoint(left + 2, y + 10));
    }
}
