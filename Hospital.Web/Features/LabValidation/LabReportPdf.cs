using Hospital.Domain.Clinical;
using Hospital.Emr.Pdf;
using Hospital.Web.Features.Lab;
using Hospital.Web.Features.Orders;
using Hospital.Web.Features.Workspaces;
using Hospital.Web.Platform;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.LabValidation;

/// <summary>
/// The lab report of a specimen (phiếu kết quả xét nghiệm), A4: facility, patient (two
/// identifiers), specimen and times, one line per test with value, unit, reference range and
/// flag (H/L, LL/HH for critical values, bold when out of range), grouped by lab section, and
/// who validated when. Only validated values print; a test still waiting says so. DejaVu Sans
/// with the whole font embedded, so Vietnamese text prints and extracts intact.
/// </summary>
public static class LabReportPdf
{
    private const double Margin = 40;

    public static byte[] Render(LabReport r)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        document.Info.Title = $"Phiếu kết quả xét nghiệm {r.Barcode}";
        document.Info.Creator = "Hospital";
        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;
            var f = r.Facility;
            foreach (var (line, bold) in new[] { ((f?.ParentAuthority ?? "").ToUpperInvariant(), false), ((f?.Name ?? "").ToUpperInvariant(), true) })
            {
                if (line.Length == 0) continue;
                gfx.DrawString(line, Font(9, bold), XBrushes.Black, new XPoint(Margin, y + 9));
                y += 12;
            }
            if (f?.Address is { Length: > 0 } address) { gfx.DrawString(address + (f.Phone is { Length: > 0 } ph ? $" – ĐT: {ph}" : ""), Font(8), XBrushes.Black, new XPoint(Margin, y + 8)); y += 12; }
            y += 10;
            gfx.DrawString("PHIẾU KẾT QUẢ XÉT NGHIỆM", Font(15, true), XBrushes.Black, new XRect(Margin, y, width, 18), XStringFormats.TopCenter);
            y += 26;

            var today = VietnamCalendarDay(r.ReceivedAt);
            y = Pair(gfx, y, width, ("Họ tên", r.PatientName.ToUpperInvariant()), ("Mã người bệnh", r.PatientCode));
            y = Pair(gfx, y, width, ("Giới tính", WorkspaceFormat.Sex(r.Sex)),
                ("Ngày sinh", $"{WorkspaceFormat.Born(r.DateOfBirth, r.BirthYear)} ({WorkspaceFormat.AgeText(r.DateOfBirth, r.BirthYear, today)})"));
            if (r.Address is { Length: > 0 }) y = Pair(gfx, y, width, ("Địa chỉ", r.Address));
            y = Pair(gfx, y, width, ("Mã vạch", r.Barcode), ("Mẫu", LabNames.Tube(r.SpecimenType)));
            y = Pair(gfx, y, width, ("Bác sĩ chỉ định", r.OrderedBy ?? ""), ("Lượt khám", r.VisitCode ?? ""));
            y = Pair(gfx, y, width, ("Lấy mẫu", VietnamTime.Format(r.CollectedAt)), ("Nhận mẫu", VietnamTime.Format(r.ReceivedAt)));
            y += 8;

            double[] columns = [0, 0.40, 0.58, 0.72, 0.90];
            string[] headings = ["Xét nghiệm", "Kết quả", "Đơn vị", "Khoảng tham chiếu", "Cờ"];
            void Heading()
            {
                gfx.DrawRectangle(XBrushes.LightGray, Margin, y, width, 16);
                for (var i = 0; i < headings.Length; i++)
                    gfx.DrawString(headings[i], Font(9, true), XBrushes.Black, new XPoint(Margin + 3 + columns[i] * width, y + 11.5));
                y += 18;
            }
            Heading();
            foreach (var section in r.Lines.GroupBy(l => l.Section))
            {
                if (section.Key.Length > 0)
                {
                    gfx.DrawString(section.Key.ToUpperInvariant(), Font(9, true), XBrushes.Black, new XPoint(Margin + 3, y + 10));
                    y += 14;
                }
                foreach (var l in section)
                {
                    if (y > page.Height.Point - Margin - 70)
                    {
                        gfx.Dispose();
                        page = NewPage(document);
                        gfx = XGraphics.FromPdfPage(page);
                        y = Margin;
                        Heading();
                    }
                    var abnormal = l.Flag != ResultFlag.None;
                    string[] cells = [$"{l.Name} ({l.Code})", l.Value ?? "Chờ kết quả", l.Unit ?? "", l.ReferenceRange ?? "", OrderLabels.Flag(l.Flag)];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        var font = Font(9, abnormal && i is 1 or 4);
                        var cellWidth = ((i + 1 < columns.Length ? columns[i + 1] : 1) - columns[i]) * width - 6;
                        gfx.DrawString(SpecimenLabelPdf.Fit(gfx, cells[i], font, cellWidth), font, XBrushes.Black, new XPoint(Margin + 3 + columns[i] * width, y + 10));
                    }
                    y += 14;
                    gfx.DrawLine(XPens.LightGray, Margin, y - 2, Margin + width, y - 2);
                }
            }

            y += 12;
            var validators = r.Lines.Where(l => l.ValidatedBy is not null).GroupBy(l => l.ValidatedBy!)
                .Select(g => $"{g.Key} lúc {VietnamTime.Format(g.Max(l => l.ValidatedAt))}").ToList();
            gfx.DrawString("Người duyệt kết quả: " + (validators.Count > 0 ? string.Join("; ", validators) : "chưa duyệt"), Font(9), XBrushes.Black, new XPoint(Margin, y + 10));
            y += 14;
            gfx.DrawString("H: cao, L: thấp, HH/LL: giá trị nguy hiểm, *: bất thường. Kết quả chỉ có giá trị trên mẫu đã nhận.", Font(8), XBrushes.Gray, new XPoint(Margin, y + 10));
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return page;
    }

    private static DateOnly VietnamCalendarDay(DateTime? utc) => Domain.Common.VietnamCalendar.DateOf(utc ?? DateTime.UtcNow);

    private static XFont Font(double size, bool bold = false) => DejaVuFontResolver.Face(size, bold);

    /// <summary>Two "label: value" fields on one line (the second at the middle), or one across the line.</summary>
    private static double Pair(XGraphics gfx, double y, double width, params (string Label, string Value)[] fields)
    {
        var column = width / fields.Length;
        for (var i = 0; i < fields.Length; i++)
        {
            var label = fields[i].Label + ": ";
            var x = Margin + i * column;
            gfx.DrawString(label, Font(9.5, true), XBrushes.Black, new XPoint(x, y + 10));
            var lw = gfx.MeasureString(label, Font(9.5, true)).Width;
            gfx.DrawString(SpecimenLabelPdf.Fit(gfx, fields[i].Value, Font(9.5), column - lw - 6), Font(9.5), XBrushes.Black, new XPoint(x + lw, y + 10));
        }
        return y + 15;
    }
}
