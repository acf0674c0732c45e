using Hospital.Domain.Visits;
using Hospital.Web.Platform;
using Hospital.Emr.Pdf;
using Hospital.Web.Platform.Printing;
using Hospital.Web.Platform.Security;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Queues.Tickets;

/// <summary>
/// <c>GET /reception/visits/{id}/ticket.pdf?layout=80mm|a5</c>: the queue ticket as a PDF for
/// printers driven without a browser (kiosks, print servers). Same content as the HTML view; the
/// barcode is drawn from our <see cref="Code128"/> modules (PDFsharp's BarCodes has no Code 128).
/// </summary>
public static class TicketPdf
{
    public static void MapTicketPdf(this WebApplication app) =>
        app.MapGet("/reception/visits/{id:int}/ticket.pdf", async (int id, string? layout, TicketData tickets,
                IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var ticket = await tickets.LoadAsync(id, ct);
                if (ticket is null) return Results.NotFound();
                var pdf = Render(ticket, TicketData.ParseLayout(layout), L);
                return Results.File(pdf, "application/pdf", $"so-thu-tu-{ticket.VisitCode}.pdf");
            })
            .RequireAuthorization(HospitalModule.Reception)
            .ExcludeFromDescription();

    public static byte[] Render(Ticket t, TicketLayout layout, IStringLocalizer L)
    {
        PdfSetup.Initialize();
        var a5 = layout == TicketLayout.A5;
        using var document = new PdfDocument();
        document.Info.Title = $"{L["Phiếu số thứ tự"]} {t.Number}";
        var page = document.AddPage();
        // 80 mm roll: the height fits the content; A5 portrait (148 × 210 mm).
        page.Width = XUnit.FromMillimeter(a5 ? 148 : 80);
        page.Height = XUnit.FromMillimeter(a5 ? 210 : 150);
        using var gfx = XGraphics.FromPdfPage(page);
        var scale = a5 ? 1.5 : 1.0;
        var margin = XUnit.FromMillimeter(a5 ? 12 : 4).Point;
        var width = page.Width.Point - 2 * margin;
        var y = margin;
        var family = DejaVuFontResolver.Family;

        void Center(string text, double size, bool bold = false)
        {
            var font = new XFont(family, size * scale, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var h = font.GetHeight();
            gfx.DrawString(text, font, XBrushes.Black, new XRect(margin, y, width, h), XStringFormats.TopCenter);
            y += h * 1.15;
        }

        void Fact(string label, string value)
        {
            var font = new XFont(family, 9 * scale, XFontStyleEx.Regular);
            var bold = new XFont(family, 9 * scale, XFontStyleEx.Bold);
            var h = font.GetHeight();
            gfx.DrawString(label, font, XBrushes.Black, new XRect(margin, y, width, h), XStringFormats.TopLeft);
            var tf = new XTextFormatter(gfx);
            var valueRect = new XRect(margin + width * 0.35, y, width * 0.65, h * 2.2);
            tf.DrawString(value, bold, XBrushes.Black, valueRect, XStringFormats.TopLeft);
            y += gfx.MeasureString(value, bold).Width > width * 0.65 ? h * 2.3 : h * 1.25;
        }

        Center(t.FacilityName.ToUpperInvariant(), 9, bold: true);
        Center(L["PHIẾU SỐ THỨ TỰ KHÁM BỆNH"], 10, bold: true);
        Center($"{t.RoomName} ({t.RoomCode})", 10);
        Center(t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), 44, bold: true);
        if (PriorityGroups.Badge(t.Priority) is { } badge) Center($"{L["Ưu tiên"]}: {L[badge]}", 10, bold: true);
        y += 2 * scale;
        Fact(L["Bệnh nhân"], t.PatientName.ToUpperInvariant());
        Fact(L["Mã BN"], t.PatientCode);
        Fact(L["Tuổi"], TicketFacts.AgeText(t.DateOfBirth, t.BirthYear, t.ServiceDate, L));
        Fact(L["Mã lượt khám"], t.VisitCode);
        Fact(L["Ngày giờ"], VietnamTime.Format(t.IssuedAt));
        y += 3 * scale;

        // Barcode: 0.33 mm modules on the roll (readable by ordinary CCD scanners), wider on A5.
        var widths = Code128.Widths(t.VisitCode);
        var module = XUnit.FromMillimeter(a5 ? 0.45 : 0.3).Point;
        var barHeight = XUnit.FromMillimeter(a5 ? 16 : 11).Point;
        var total = (widths.Sum() + 2 * Code128.QuietZone) * module;
        var qrSize = XUnit.FromMillimeter(a5 ? 30 : 20).Point;
        var x = margin + Math.Max(0, (width - total - qrSize - 6) / 2) + Code128.QuietZone * module;
        var codesTop = y;
        for (var k = 0; k < widths.Count; k++)
        {
            if (k % 2 == 0) gfx.DrawRectangle(XBrushes.Black, x, y + (qrSize - barHeight) / 2, widths[k] * module, barHeight);
            x += widths[k] * module;
        }
        var small = new XFont(family, 7 * scale, XFontStyleEx.Regular);
        var barLeft = x - widths.Sum() * module;
        gfx.DrawString(t.VisitCode, small, XBrushes.Black,
            new XRect(barLeft, y + (qrSize + barHeight) / 2 + 1, widths.Sum() * module, small.GetHeight()), XStringFormats.TopCenter);

        // The QR drawn module by module as vector squares: sharp at any printer resolution, and
        // PDFsharp 6.5 (core build) cannot read QRCoder's 1-bit palette PNG ("Unsupported image format").
        var matrix = TicketData.PatientQrModules(t.PatientCode);
        var cell = qrSize / matrix.Count;
        var qrLeft = x + Code128.QuietZone * module + 6;
        for (var row = 0; row < matrix.Count; row++)
            for (var col = 0; col < matrix.Count; col++)
                if (matrix[row][col]) gfx.DrawRectangle(XBrushes.Black, qrLeft + col * cell, codesTop + row * cell, cell, cell);
        y = codesTop + qrSize + small.GetHeight() + 4;
        Center(L["Vui lòng chờ gọi số trước phòng khám. Giữ phiếu đến khi khám xong."], 6.5);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
