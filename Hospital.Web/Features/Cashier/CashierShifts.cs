using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Cashier;

/// <summary>A shift with its transactions' summary, for the close report and its export.</summary>
public sealed record ShiftReport(CashierShift Shift, string CashierName, ShiftSummary Summary, IReadOnlyList<ShiftPayment> Payments)
{
    public decimal? Difference => Summary.Difference(Shift.CashCounted);
}

/// <summary>One transaction line of a shift report.</summary>
public sealed record ShiftPayment(long Id, DateTime CreatedAt, string VisitCode, string PatientName, PaymentKind Kind, PaymentMethod Method,
    PaymentStatus Status, decimal Amount, string? ReceiptSeries, int? ReceiptNumber);

/// <summary>
/// Cashier shifts (ca thu ngân): a shift opens by itself at the cashier's first transaction and
/// stays open until the cashier counts the drawer and closes it; the next transaction opens a new one.
/// </summary>
public sealed class CashierShifts(HospitalDbContext db, TimeProvider clock)
{
    /// <summary>The cashier's open shift, added (unsaved) when there is none; call inside the transaction that stores the payment.</summary>
    public async Task<CashierShift> OpenAsync(string cashier, CancellationToken ct)
    {
        var open = await db.Set<CashierShift>().Where(s => s.Cashier == cashier && s.ClosedAt == null)
            .OrderByDescending(s => s.OpenedAt).FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        open = new CashierShift { Cashier = cashier, OpenedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(open);
        return open;
    }

    public Task<long?> CurrentIdAsync(string cashier, CancellationToken ct) =>
        db.Set<CashierShift>().Where(s => s.Cashier == cashier && s.ClosedAt == null)
            .OrderByDescending(s => s.OpenedAt).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);

    public async Task<ShiftReport?> ReportAsync(long shiftId, CancellationToken ct)
    {
        var shift = await db.Set<CashierShift>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null) return null;
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ShiftId == shiftId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ShiftPayment(p.Id, p.CreatedAt, p.Visit!.Code, p.Visit.Patient!.FullName, p.Kind, p.Method, p.Status, p.Amount,
                p.ReceiptSeries, p.ReceiptNumber))
            .ToListAsync(ct);
        var name = await CashierNames.FullNameAsync(db, shift.Cashier, ct);
        return new ShiftReport(shift, name, ShiftSummary.Of(payments.Select(p => new ShiftTransaction(p.Kind, p.Method, p.Status, p.Amount))), payments);
    }

    /// <summary>Closes the cashier's open shift with the cash counted; null with a Vietnamese reason when it cannot.</summary>
    public async Task<string?> CloseAsync(long shiftId, string cashier, string? countedText, string? note, CancellationToken ct)
    {
        var shift = await db.Set<CashierShift>().SingleOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null || shift.Cashier != cashier) return "Không tìm thấy ca thu ngân của bạn.";
        if (shift.ClosedAt is not null) return "Ca này đã kết thúc.";
        if (string.IsNullOrWhiteSpace(countedText)) return "Nhập số tiền mặt đếm được trong két (0 nếu không có).";
        decimal counted = 0;
        if (countedText.Trim() != "0")
        {
            if (CounterAmounts.Parse(countedText, out var error) is not { } c) return "Tiền mặt đếm được: " + error;
            counted = c;
        }
        if (await db.Set<Payment>().AnyAsync(p => p.ShiftId == shiftId && p.Status == PaymentStatus.AwaitingTransfer, ct))
            return "Còn mã VietQR chờ chuyển khoản trong ca: xác nhận đã nhận tiền hoặc hủy mã trước khi kết ca.";
        shift.CashCounted = counted;
        shift.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
        shift.ClosedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }
}

/// <summary>A user's full name for reports and receipts (the user name when the account is gone).</summary>
internal static class CashierNames
{
    public static async Task<string> FullNameAsync(HospitalDbContext db, string userName, CancellationToken ct) =>
        await db.Set<Hospital.Domain.Identity.AppUser>().AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => u.FullName).FirstOrDefaultAsync(ct) is { Length: > 0 } full ? full : userName;
}
