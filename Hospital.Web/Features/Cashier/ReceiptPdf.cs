using Hospital.Domain.Billing;
using Hospital.Emr.Pdf;
using Hospital.Web.Features.Lab;
using Hospital.Web.Features.Workspaces;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Web.Features.Cashier;

/// <summary>
/// <c>GET /cashier/payments/{id}/receipt.pdf</c>: the receipt (biên lai) of a completed payment,
/// deposit or refund, A5: facility, series and number, patient and visit, the visit's costs by cost
/// group (total, BHYT fund, patient), the amount in figures and in Vietnamese words, the cashier.
/// A voided receipt still prints, stamped "ĐÃ HỦY", so the copy in the book matches.
/// </summary>
public static class ReceiptPdf
{
    private const double Margin = 28;

    public static void MapReceiptPdf(this WebApplication app) =>
        app.MapGet("/cashier/payments/{id:long}/receipt.pdf", async (long id, CounterReceipts receipts, CancellationToken ct) =>
                await receipts.LoadAsync(id, ct) is { } r
                    ? Results.File(Render(r), "application/pdf", $"bien-lai-{FileSafe(r.Payment.ReceiptSeries)}-{r.Payment.ReceiptNumber}.pdf")
                    : Results.NotFound())
            .RequireAuthorization(HospitalModule.Cashier)
            .ExcludeFromDescription();

    public static string Number(Payment p) => $"{p.ReceiptNumber:0000000}";

    private static string FileSafe(string? series) => new((series ?? "").Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    public static byte[] Render(Receipt r)
    {
        PdfSetup.Initialize();
        using var document = new PdfDocument();
        document.Info.Title = $"{r.Title} {r.Payment.ReceiptSeries} {Number(r.Payment)}";
        document.Info.Creator = "Hospital";
        var page = document.AddPage();
        page.Size = PageSize.A5;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;
            var f = r.Facility;
            void Line(string text, double size, bool bold = false, XStringFormat? format = null, double gap = 1.35)
            {
                var font = Font(size, bold);
                gfx.DrawString(SpecimenLabelPdf.Fit(gfx, text, font, width), font, XBrushes.Black, new XRect(Margin, y, width, size * 1.2), format ?? XStringFormats.TopLeft);
                y += size * gap;
            }
            if (f?.ParentAuthority is { Length: > 0 } parent) Line(parent.ToUpperInvariant(), 8);
            Line((f?.Name ?? "").ToUpperInvariant(), 9, bold: true);
            if (f?.Address is { Length: > 0 } address) Line(address + (f.TaxCode is { Length: > 0 } tax ? $" – MST: {tax}" : ""), 7.5);
            gfx.DrawString($"Ký hiệu: {r.Payment.ReceiptSeries}", Font(8.5), XBrushes.Black, new XRect(Margin, Margin, width, 10), XStringFormats.TopRight);
            gfx.DrawString($"Số: {Number(r.Payment)}", Font(8.5, true), XBrushes.Black, new XRect(Margin, Margin + 11, width, 10), XStringFormats.TopRight);
            y += 8;
            Line(r.Title, 14, bold: true, XStringFormats.TopCenter, 1.5);
            Line($"Ngày {VietnamTime.Format(r.Payment.CompletedAt)}", 8.5, format: XStringFormats.TopCenter, gap: 2);

            Line($"Họ tên người bệnh: {r.PatientName.ToUpperInvariant()}   Mã BN: {r.PatientCode}", 9);
            Line($"Mã lượt khám: {r.VisitCode}   MA_LK: {r.MaLk}", 9);
            if (r.CardNumber is { Length: > 0 } card) Line($"Thẻ BHYT: {card}   Mức hưởng: {r.MucHuong:0.##}%", 9);
            y += 4;

            double[] at = [0, 0.52, 0.70, 0.86];
            string[] headings = ["Nhóm chi phí", "Thành tiền", "BHYT trả", "Người bệnh"];
            gfx.DrawRectangle(XBrushes.LightGray, Margin, y, width, 13);
            for (var i = 0; i < headings.Length; i++) Cell(gfx, headings[i], i, at, width, y, bold: true);
            y += 15;
            foreach (var g in r.Groups)
            {
                string[] cells = [WorkspaceFormat.CostGroup(g.Group), WorkspaceFormat.Money(g.Cost), WorkspaceFormat.Money(g.FundPays), WorkspaceFormat.Money(g.PatientPays)];
                for (var i = 0; i < cells.Length; i++) Cell(gfx, cells[i], i, at, width, y);
                y += 12;
            }
            gfx.DrawLine(XPens.Gray, Margin, y, Margin + width, y);
            y += 2;
            string[] totals = ["Cộng", WorkspaceFormat.Money(r.TotalCost), WorkspaceFormat.Money(r.FundPays), WorkspaceFormat.Money(r.PatientShare)];
            for (var i = 0; i < totals.Length; i++) Cell(gfx, totals[i], i, at, width, y, bold: true);
            y += 14;
            if (r.OtherSources > 0) Line($"Nguồn khác chi trả: {WorkspaceFormat.Money(r.OtherSources)} đồng", 8.5);
            Line($"Đã nộp (kể cả phiếu này, trừ tiền đã hoàn): {WorkspaceFormat.Money(r.Balance.Paid)} đồng – Còn phải nộp: {WorkspaceFormat.Money(Math.Max(0, r.Balance.Due))} đồng", 8.5, gap: 2);

            var verb = r.Payment.Kind == PaymentKind.Refund ? "Số tiền hoàn" : "Số tiền thu";
            Line($"{verb}: {WorkspaceFormat.Money(r.Payment.Amount)} đồng ({(r.Payment.Method == PaymentMethod.Cash ? "tiền mặt" : "chuyển khoản VietQR " + r.Payment.TransferReference)})", 10.5, bold: true, gap: 1.5);
            Line($"Bằng chữ: {AmountInWords.Dong(r.Payment.Amount)}", 9.5, gap: 2.4);

            var half = width / 2;
            gfx.DrawString(r.Payment.Kind == PaymentKind.Refund ? "Người nhận tiền" : "Người nộp tiền", Font(9, true), XBrushes.Black, new XRect(Margin, y, half, 12), XStringFormats.TopCenter);
            gfx.DrawString("Người thu tiền", Font(9, true), XBrushes.Black, new XRect(Margin + half, y, half, 12), XStringFormats.TopCenter);
            gfx.DrawString(r.CashierName, Font(9), XBrushes.Black, new XRect(Margin + half, y + 48, half, 12), XStringFormats.TopCenter);
            if (r.Payment.Status == PaymentStatus.Voided)
            {
                var stamp = Font(40, true);
                gfx.DrawString("ĐÃ HỦY", stamp, new XSolidBrush(XColor.FromArgb(120, 200, 0, 0)), new XRect(0, page.Height.Point / 2 - 30, page.Width.Point, 50), XStringFormats.Center);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Cell(XGraphics gfx, string text, int i, double[] at, double width, double y, bool bold = false)
    {
        var font = Font(8.5, bold);
        var left = Margin + at[i] * width;
        var right = Margin + (i + 1 < at.Length ? at[i + 1] : 1) * width;
        if (i == 0) gfx.DrawString(SpecimenLabelPdf.Fit(gfx, text, font, right - left - 4), font, XBrushes.Black, new XPoint(left + 2, y + 10));
        else gfx.DrawString(text, font, XBrushes.Black, new XRect(left, y + 1, right - left - 2, 11), XStringFormats.TopRight);
    }

    private static XFont Font(double size, bool bold = false) => DejaVuFontResolver.Face(size, bold);
}
