using Hospital.Emr.Pdf;
using Hospital.Web.Features.Lab;
using Hospital.Web.Platform;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// Drug labels for a 60 × 40 mm label printer, one per lot handed out: patient, drug and
/// strength, how to take it (the prescription's usage, up to three lines), quantity, lot and
/// expiry, so the patient can tell the bags apart and the lot can be traced back.
/// </summary>
public static class DispensationLabelsPdf
{
    public const double WidthMm = 60, HeightMm = 40;

    public static byte[] Render(DispensationPrint p)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        document.Info.Title = $"Nhãn thuốc {p.Dispensation.Number}";
        foreach (var line in p.Lines) Draw(document, p, line);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(PdfDocument document, DispensationPrint p, PrintedLine l)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(WidthMm);
        page.Height = XUnit.FromMillimeter(HeightMm);
        using var gfx = XGraphics.FromPdfPage(page);
        var margin = XUnit.FromMillimeter(2).Point;
        var width = page.Width.Point - 2 * margin;
        var y = margin;
        void Text(string text, double size, bool bold = false)
        {
            var font = DejaVuFontResolver.Face(size, bold);
            gfx.DrawString(SpecimenLabelPdf.Fit(gfx, text, font, width), font, XBrushes.Black, new XRect(margin, y, width, font.GetHeight()), XStringFormats.TopLeft);
            y += font.GetHeight();
        }
        Text($"{p.PatientName.ToUpperInvariant()} ({p.PatientCode})", 6.5, bold: true);
        Text(l.Title, 7.5, bold: true);
        foreach (var usage in Wrap(gfx, l.Usage ?? "", DejaVuFontResolver.Face(6.5), width).Take(3)) Text(usage, 6.5);
        Text($"SL: {PrescriptionDispensing.Qty(l.Quantity)} {l.Unit}   Lô: {l.LotNumber}   HD: {VietnamTime.Date(l.Expiry)}", 6, bold: true);
        Text($"{p.Dispensation.Number} · {VietnamTime.Format(p.Dispensation.DispensedAt)} · {p.Facility?.Name}", 5);
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0) yield return current;
    }
}
