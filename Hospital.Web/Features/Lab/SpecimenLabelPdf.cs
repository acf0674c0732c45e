using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Emr.Pdf;
using Hospital.Web.Platform.Printing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Lab;

/// <summary>What one tube's label shows.</summary>
public sealed record SpecimenLabel(string Barcode, SpecimenType SpecimenType, string PatientName, string PatientCode,
    DateOnly? DateOfBirth, int BirthYear, OrderPriority Priority, IReadOnlyList<string> Tests);

/// <summary>
/// Specimen labels as a PDF for 50 × 25 mm label printers, one label per page: patient name, code
/// and date of birth (two identifiers, as sample labelling requires), tube, the barcode in Code 128
/// (<see cref="Code128"/>, PDFsharp has none) with its text under it, and the tests. Stat orders
/// are marked "CC" (cấp cứu) so the lab runs them first.
/// </summary>
public static class SpecimenLabelPdf
{
    public const double WidthMm = 50, HeightMm = 25;

    public static byte[] Render(IReadOnlyList<SpecimenLabel> labels)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        document.Info.Title = "Nhãn ống mẫu " + string.Join(", ", labels.Select(l => l.Barcode));
        foreach (var label in labels) Draw(document, label);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(PdfDocument document, SpecimenLabel l)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(WidthMm);
        page.Height = XUnit.FromMillimeter(HeightMm);
        using var gfx = XGraphics.FromPdfPage(page);
        var family = DejaVuFontResolver.Family;
        var margin = XUnit.FromMillimeter(1.5).Point;
        var width = page.Width.Point - 2 * margin;
        var bold = new XFont(family, 6.5, XFontStyleEx.Bold);
        var small = new XFont(family, 5.5, XFontStyleEx.Regular);
        var y = margin;

        var name = Fit(gfx, l.PatientName.ToUpperInvariant(), bold, width - (l.Priority == OrderPriority.Stat ? 12 : 0));
        gfx.DrawString(name, bold, XBrushes.Black, new XRect(margin, y, width, bold.GetHeight()), XStringFormats.TopLeft);
        if (l.Priority == OrderPriority.Stat)
            gfx.DrawString("CC", bold, XBrushes.Black, new XRect(margin, y, width, bold.GetHeight()), XStringFormats.TopRight);
        y += bold.GetHeight();
        var born = l.DateOfBirth is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : l.BirthYear.ToString(CultureInfo.InvariantCulture);
        gfx.DrawString($"{l.PatientCode}  NS: {born}  {LabNames.TubeShort(l.SpecimenType)}", small, XBrushes.Black,
            new XRect(margin, y, width, small.GetHeight()), XStringFormats.TopLeft);
        y += small.GetHeight() + 0.8;

        // Bars: 0.33 mm modules where they fit (ordinary CCD scanners), narrower for long barcodes.
        var widths = Code128.Widths(l.Barcode);
        var modules = widths.Sum() + 2 * Code128.QuietZone;
        var module = Math.Min(XUnit.FromMillimeter(0.33).Point, width / modules);
        var barHeight = XUnit.FromMillimeter(9).Point;
        var x = margin + (width - modules * module) / 2 + Code128.QuietZone * module;
        for (var k = 0; k < widths.Count; k++)
        {
            if (k % 2 == 0) gfx.DrawRectangle(XBrushes.Black, x, y, widths[k] * module, barHeight);
            x += widths[k] * module;
        }
        y += barHeight + 0.5;
        gfx.DrawString(l.Barcode, bold, XBrushes.Black, new XRect(margin, y, width, bold.GetHeight()), XStringFormats.TopCenter);
        y += bold.GetHeight();
        gfx.DrawString(Fit(gfx, string.Join(" ", l.Tests), small, width), small, XBrushes.Black,
            new XRect(margin, y, width, small.GetHeight()), XStringFormats.TopCenter);
    }

    /// <summary>The text, cut with "…" to the width (a label has one line per field).</summary>
    internal static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
