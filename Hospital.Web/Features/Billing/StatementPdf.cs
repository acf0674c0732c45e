using System.Globalization;
using Hospital.Emr.Pdf;
using Hospital.Web.Features.Lab;
using Hospital.Web.Features.Workspaces;
using Hospital.Web.Platform;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// The printed statement (bảng kê chi phí khám bệnh, chữa bệnh, mẫu 01/KBCB of QĐ 6556/QĐ-BYT as far as
/// the public copies show; QĐ 697/2026 keeps its columns ⚠): A4 landscape; facility; patient, card,
/// object code, MUC_HUONG and why; the lines by section with quantity, both unit prices, the fund's
/// rate, amounts at the hospital and BHYT price, then who pays (fund, other sources, co-payment,
/// patient); section and grand totals; signature blocks. DejaVu Sans, whole font embedded (as the lab report).
/// </summary>
public static class StatementPdf
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private const double Margin = 28;

    // Column left edges as fractions of the printable width, and their headings.
    private static readonly double[] Columns = [0, 0.30, 0.36, 0.41, 0.475, 0.54, 0.585, 0.655, 0.725, 0.795, 0.86, 0.93];
    private static readonly string[] Headings = ["Nội dung", "ĐVT", "SL", "Đơn giá BV", "Đơn giá BH", "TL BH %", "Thành tiền BV", "Thành tiền BH", "Quỹ BHYT", "Nguồn khác", "Cùng chi trả", "Tự trả"];

    public static byte[] Render(VisitStatement s)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        var v = s.Coverage.Visit;
        document.Info.Title = $"Bảng kê chi phí {v.Code}";
        document.Info.Creator = "Hospital";
        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;
            var f = s.Facility;
            Text(gfx, (f?.ParentAuthority ?? "").ToUpperInvariant(), 8.5, false, Margin, y); y += 11;
            Text(gfx, (f?.Name ?? "").ToUpperInvariant() + (f is null ? "" : $" (mã {f.FacilityCode})"), 8.5, true, Margin, y); y += 11;
            Text(gfx, $"Khoa: {s.DepartmentName}", 8.5, false, Margin, y);
            gfx.DrawString("Mẫu số 01/KBCB", Font(8.5), XBrushes.Black, new XRect(Margin, Margin, width, 11), XStringFormats.TopRight);
            gfx.DrawString($"Mã lượt khám: {v.Code}   MA_LK: {v.MaLk}", Font(8.5), XBrushes.Black, new XRect(Margin, Margin + 11, width, 11), XStringFormats.TopRight);
            y += 18;
            gfx.DrawString("BẢNG KÊ CHI PHÍ KHÁM BỆNH, CHỮA BỆNH", Font(14, true), XBrushes.Black, new XRect(Margin, y, width, 16), XStringFormats.TopCenter);
            y += 24;

            var p = v.Patient;
            y = Fields(gfx, y, width, ("Họ tên người bệnh", (p?.FullName ?? "").ToUpperInvariant()), ("Mã người bệnh", p?.Code ?? ""),
                ("Ngày sinh", p is null ? "" : WorkspaceFormat.Born(p.DateOfBirth, p.BirthYear)), ("Giới tính", p is null ? "" : WorkspaceFormat.Sex(p.Sex)));
            y = Fields(gfx, y, width, ("Địa chỉ", p?.AddressLine ?? ""));
            if (v.CardNumber is not null)
                y = Fields(gfx, y, width, ("Mã thẻ BHYT", v.CardNumber), ("Giá trị từ", $"{VietnamTime.Date(v.CardValidFrom)} đến {VietnamTime.Date(v.CardValidTo)}"),
                    ("Nơi ĐKBĐ", v.CardRegisteredFacilityCode ?? ""), ("Mã đối tượng KCB", v.BenefitCategoryCode ?? ""));
            y = Fields(gfx, y, width, ("Đến khám", VietnamTime.Format(v.RegisteredAt)), ("Kết thúc", VietnamTime.Date(s.Coverage.EndDate)),
                ("Mức hưởng", s.Coverage.Coverage.MucHuong.ToString("0.##", Vi) + "%"), ("Lương cơ sở", WorkspaceFormat.Money(s.Coverage.BaseSalary)));
            Text(gfx, "Lý do mức hưởng: " + s.Reason, 8.5, false, Margin, y, width); y += 16;

            void Heading()
            {
                gfx.DrawRectangle(XBrushes.LightGray, Margin, y, width, 15);
                for (var i = 0; i < Headings.Length; i++)
                    Cell(gfx, Headings[i], i, width, y + 10.5, bold: true);
                y += 17;
            }
            void EnsureRoom(double needed)
            {
                if (y + needed <= page.Height.Point - Margin) return;
                gfx.Dispose();
                page = NewPage(document);
                gfx = XGraphics.FromPdfPage(page);
                y = Margin;
                Heading();
            }
            void Row(string[] cells, bool bold)
            {
                EnsureRoom(14);
                for (var i = 0; i < cells.Length; i++) Cell(gfx, cells[i], i, width, y + 9.5, bold);
                y += 13;
                gfx.DrawLine(XPens.LightGray, Margin, y - 2, Margin + width, y - 2);
            }

            Heading();
            foreach (var section in s.Sections)
            {
                Row([$"{section.Number}. {section.Title}", "", "", "", "", "", .. Amounts(section.Totals)], bold: true);
                foreach (var line in section.Lines)
                {
                    var c = line.Charge;
                    Row([$"{c.ItemCode} {c.ItemName}", c.Unit, c.Quantity.ToString("0.###", Vi), WorkspaceFormat.Money(c.UnitPrice), WorkspaceFormat.Money(c.BhytUnitPrice),
                        c.BhytUnitPrice is null ? "—" : c.BhytPayableRatio.ToString("0.##", Vi), .. Amounts(SplitTotals.Of(line.Split))], bold: false);
                }
            }
            Row(["Tổng cộng", "", "", "", "", "", .. Amounts(s.Totals)], bold: true);

            EnsureRoom(110);
            y += 8;
            var t = s.Totals;
            Text(gfx, $"Tổng chi phí: {WorkspaceFormat.Money(t.ThanhTienBv)} đồng. Quỹ BHYT thanh toán: {WorkspaceFormat.Money(t.Bhtt)} đồng. " +
                      $"Nguồn khác: {WorkspaceFormat.Money(t.NguonKhac)} đồng. Người bệnh trả: {WorkspaceFormat.Money(t.PatientPays)} đồng " +
                      $"(cùng chi trả {WorkspaceFormat.Money(t.Bncct)}, tự trả {WorkspaceFormat.Money(t.Bntt)}).", 9, true, Margin, y, width);
            y += 22;
            string[] signers = ["NGƯỜI LẬP BẢNG KÊ", "KẾ TOÁN VIỆN PHÍ", "GIÁM ĐỊNH BHYT", "XÁC NHẬN CỦA NGƯỜI BỆNH"];
            for (var i = 0; i < signers.Length; i++)
            {
                var box = new XRect(Margin + i * width / signers.Length, y, width / signers.Length, 12);
                gfx.DrawString(signers[i], Font(8.5, true), XBrushes.Black, box, XStringFormats.TopCenter);
                gfx.DrawString("(ký, ghi rõ họ tên)", Font(7.5), XBrushes.Gray, box with { Y = y + 12 }, XStringFormats.TopCenter);
            }
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string[] Amounts(SplitTotals t) =>
        [WorkspaceFormat.Money(t.ThanhTienBv), WorkspaceFormat.Money(t.ThanhTienBh), WorkspaceFormat.Money(t.Bhtt),
         WorkspaceFormat.Money(t.NguonKhac), WorkspaceFormat.Money(t.Bncct), WorkspaceFormat.Money(t.Bntt)];

    /// <summary>A table cell: text left in the first two columns, numbers right-aligned in the others.</summary>
    private static void Cell(XGraphics gfx, string text, int column, double width, double baseline, bool bold)
    {
        var font = Font(7.5, bold);
        var left = Margin + Columns[column] * width;
        var cellWidth = ((column + 1 < Columns.Length ? Columns[column + 1] : 1) - Columns[column]) * width - 4;
        var fitted = SpecimenLabelPdf.Fit(gfx, text, font, cellWidth);
        var x = column < 2 ? left + 2 : left + 2 + cellWidth - gfx.MeasureString(fitted, font).Width;
        gfx.DrawString(fitted, font, XBrushes.Black, new XPoint(x, baseline));
    }

    private static void Text(XGraphics gfx, string text, double size, bool bold, double x, double y, double? width = null)
    {
        if (text.Length == 0) return;
        var font = Font(size, bold);
        gfx.DrawString(width is { } w ? SpecimenLabelPdf.Fit(gfx, text, font, w) : text, font, XBrushes.Black, new XPoint(x, y + size));
    }

    /// <summary>Up to four "label: value" fields on one line, in equal columns.</summary>
    private static double Fields(XGraphics gfx, double y, double width, params (string Label, string Value)[] fields)
    {
        var column = width / 4;
        var x = Margin;
        foreach (var (label, value) in fields)
        {
            var span = fields.Length == 1 ? width : column;
            var l = label + ": ";
            gfx.DrawString(l, Font(8.5, true), XBrushes.Black, new XPoint(x, y + 9));
            var lw = gfx.MeasureString(l, Font(8.5, true)).Width;
            gfx.DrawString(SpecimenLabelPdf.Fit(gfx, value, Font(8.5), span - lw - 6), Font(8.5), XBrushes.Black, new XPoint(x + lw, y + 9));
            x += span;
        }
        return y + 13;
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        return page;
    }

    private static XFont Font(double size, bool bold = false) => DejaVuFontResolver.Face(size, bold);
}
