using Hospital.Domain.Billing;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Hospital.Web.Platform.Spreadsheets;

namespace Hospital.Web.Features.Cashier;

/// <summary>
/// <c>GET /cashier/shift/{shiftId}/report.xlsx</c>: the shift close report for the accountant:
/// sheet "Tổng hợp" (by kind and method, expected cash, transfers, counted, difference) and sheet
/// "Giao dịch" (every transaction of the shift, voided and unpaid ones included, with their state).
/// </summary>
public static class ShiftExport
{
    public static void MapShiftExport(this WebApplication app) =>
        app.MapGet("/cashier/shift/{shiftId:long}/report.xlsx", async (long shiftId, CashierShifts shifts, CancellationToken ct) =>
                await shifts.ReportAsync(shiftId, ct) is { } report
                    ? XlsxTable.Download($"Báo cáo kết ca {report.Shift.Id} – {report.CashierName}.xlsx", Sheets(report))
                    : Results.NotFound())
            .RequireAuthorization(HospitalModule.Cashier)
            .ExcludeFromDescription();

    public static XlsxSheet[] Sheets(ShiftReport r)
    {
        var s = r.Shift;
        string[] titles =
        [
            $"BÁO CÁO KẾT CA THU NGÂN #{s.Id}",
            $"Thu ngân: {r.CashierName} ({s.Cashier}) – từ {VietnamTime.Format(s.OpenedAt)} đến {(s.ClosedAt is null ? "(đang mở)" : VietnamTime.Format(s.ClosedAt))}",
        ];
        var summary = new XlsxSheet("Tổng hợp",
            [new("Loại", Width: 22), new("Hình thức", Width: 16), new("Số phiếu", XlsxKind.Number, 10), new("Số tiền", XlsxKind.Money, 18)],
            [
                .. r.Summary.Lines.Select(l => (IReadOnlyList<object?>)[Capital(PaymentLabels.Kind(l.Kind)), PaymentLabels.Method(l.Method), l.Count, l.Total]),
                ["Tiền mặt phải có trong két", null, null, r.Summary.ExpectedCash],
                ["Chuyển khoản VietQR", null, null, r.Summary.Transfers],
                ["Tiền mặt đếm được", null, null, s.CashCounted],
            ])
        {
            Titles = titles,
            Total = ["Chênh lệch (thừa + / thiếu −)", null, null, r.Difference],
        };
        var payments = new XlsxSheet("Giao dịch",
            [new("Lúc", XlsxKind.DateTime, 17), new("Mã lượt khám", Width: 16), new("Người bệnh", Width: 28), new("Loại", Width: 12),
             new("Hình thức", Width: 12), new("Số tiền", XlsxKind.Money, 16), new("Ký hiệu"), new("Số biên lai", Width: 12), new("Trạng thái", Width: 18)],
            r.Payments.Select(p => (IReadOnlyList<object?>)[VietnamTime.ToLocal(p.CreatedAt), p.VisitCode, p.PatientName, Capital(PaymentLabels.Kind(p.Kind)),
                PaymentLabels.Method(p.Method), p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount, p.ReceiptSeries,
                p.ReceiptNumber is { } n ? $"{n:0000000}" : null, PaymentLabels.Status(p.Status)]))
        {
            Titles = titles,
        };
        return [summary, payments];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
