using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Cashier;

/// <summary>
/// Voiding a completed receipt takes two people: the cashier asks with a reason, a second user
/// (another cashier or an administrator) approves. Until then the payment stays completed and
/// counts in the balance and the shift; a refused request is cleared and noted on the payment.
/// </summary>
public sealed class PaymentVoids(HospitalDbContext db, TimeProvider clock)
{
    public const int MaxReason = 500;

    public async Task<string?> RequestAsync(long paymentId, string? reason, string user, CancellationToken ct = default)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < 5) return "Ghi rõ lý do hủy phiếu (ít nhất 5 ký tự).";
        if (text.Length > MaxReason) return $"Lý do hủy tối đa {MaxReason} ký tự.";
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return "Không tìm thấy giao dịch.";
        if (payment.Status != PaymentStatus.Completed) return "Chỉ hủy được phiếu đã thu xong.";
        if (payment.VoidRequestedBy is not null) return $"Phiếu đã có yêu cầu hủy của {payment.VoidRequestedBy}, đang chờ duyệt.";
        payment.VoidRequestedBy = user;
        payment.VoidRequestedAt = clock.GetUtcNow().UtcDateTime;
        payment.VoidReason = text;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> ApproveAsync(long paymentId, string approver, CancellationToken ct = default)
    {
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (Pending(payment) is { } problem) return problem;
        if (payment!.VoidRequestedBy == approver) return "Người yêu cầu hủy không tự duyệt được: cần một thu ngân khác hoặc quản trị duyệt.";
        payment.Status = PaymentStatus.Voided;
        payment.VoidedBy = approver;
        payment.VoidedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> RefuseAsync(long paymentId, string user, CancellationToken ct = default)
    {
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (Pending(payment) is { } problem) return problem;
        var note = $"Yêu cầu hủy của {payment!.VoidRequestedBy} ({payment.VoidReason}) bị {user} từ chối lúc {Platform.VietnamTime.Format(clock.GetUtcNow().UtcDateTime)}.";
        payment.Note = (payment.Note is { Length: > 0 } old ? old + " " + note : note) is var all && all.Length > MaxReason ? all[..MaxReason] : all;
        payment.VoidRequestedBy = null;
        payment.VoidRequestedAt = null;
        payment.VoidReason = null;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Pending(Payment? payment) =>
        payment is null ? "Không tìm thấy giao dịch."
        : payment.Status == PaymentStatus.Voided ? "Phiếu này đã hủy."
        : payment.VoidRequestedBy is null ? "Phiếu này không có yêu cầu hủy." : null;
}
