using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Orders;

/// <summary>
/// Cancels an order with a reason while it has not been performed: the order and its charge are
/// voided together (nothing is deleted, DESIGN.md "Data"), in one save. A performed order, or a
/// lab order with released results, is part of the record and of the bill: it stays.
/// </summary>
public sealed class OrderCancellation(HospitalDbContext db, IAuditUser user, TimeProvider clock)
{
    /// <summary>Null when cancelled, otherwise why not (Vietnamese).</summary>
    public async Task<string?> CancelAsync(int visitId, long orderId, string? reason, CancellationToken ct = default)
    {
        var order = await db.Set<ServiceOrder>().Include(o => o.Charge).Include(o => o.Visit)
            .FirstOrDefaultAsync(o => o.Id == orderId && o.VisitId == visitId, ct);
        if (order is null) return "Không tìm thấy chỉ định.";
        if (string.IsNullOrWhiteSpace(reason)) return "Nhập lý do hủy chỉ định.";
        if (reason.Trim().Length > 500) return "Lý do hủy tối đa 500 ký tự.";
        if (order.IsVoided() || order.Status == OrderStatus.Cancelled) return $"Chỉ định {order.ServiceName} đã được hủy trước đó.";
        if (order.Status == OrderStatus.Performed || order.PerformedAt is not null)
            return $"Không hủy được chỉ định {order.ServiceName}: đã thực hiện.";
        if (await db.Set<ServiceResult>().AnyAsync(r => r.ServiceOrderId == order.Id, ct))
            return $"Không hủy được chỉ định {order.ServiceName}: đã có kết quả.";
        if (await ServiceOrdering.WhyLockedAsync(db, order.Visit!, ct) is { } locked) return locked;

        var now = clock.GetUtcNow().UtcDateTime;
        var why = reason.Trim();
        order.Void(why, user.UserName, now);
        order.Status = OrderStatus.Cancelled;
        if (order.Charge is { } charge && !charge.IsVoided()) charge.Void(why, user.UserName, now);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
