using System.Globalization;
using Hospital.Domain.Common;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;

namespace Hospital.Emr.Documents.Signing;

/// <summary>The visible signature: a framed box with "Ký bởi", the signer's title and the time (Vietnam time).</summary>
internal sealed class SignatureStamp(SignatureDetails details) : IAnnotationAppearanceHandler
{
    public void DrawAppearance(XGraphics gfx, XRect widget)
    {
        // PDFsharp passes the widget's rectangle on the page, but draws into the appearance form,
        // whose origin is the widget's corner.
        var rect = new XRect(0, 0, widget.Width, widget.Height);
        // 7 pt in the A4 box, smaller in the A5 prescription's narrower one.
        var size = Math.Min(7, rect.Width / 27);
        var font = Rendering.FormWriter.Face(size);
        var bold = Rendering.FormWriter.Face(size, bold: true);
        var green = XColor.FromArgb(0, 110, 60);
        gfx.DrawRectangle(new XPen(green, 0.8), new XRect(rect.X + 0.5, rect.Y + 0.5, rect.Width - 1, rect.Height - 1));
        var local = VietnamCalendar.ToLocal(details.SignedAtUtc);
        string[] lines =
        [
            "Ký số bởi: " + details.SignerName,
            details.SignerTitle ?? "",
            "Thời gian ký: " + local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " (GMT+7)",
        ];
        var y = rect.Y + size + 3;
        var brush = new XSolidBrush(green);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            gfx.DrawString(lines[i], i == 0 ? bold : font, brush, new XPoint(rect.X + 4, y));
            y += size + 2.5;
        }
    }
}
