using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Orders;

/// <summary>
/// The performing department's report of an imaging study, functional test or procedure: the
/// description (mô tả) and conclusion (kết luận). Entering it marks the order Performed, by whom
/// and when, and so its charge (XML3 NGAY_KQ, MA_BAC_SI of the performer). Lab values come from
/// the LIS instead (<see cref="LabResultRelease"/>). A report once returned is not edited here:
/// it is what the ordering doctor read.
/// </summary>
public sealed class TextResultEntry(HospitalDbContext db, IAuditUser user, TimeProvider clock)
{
    public const int TextLength = 8000, ConclusionLength = 2000;

    /// <summary>Null when saved, otherwise why not (Vietnamese).</summary>
    public async Task<string?> EnterAsync(long orderId, string? text, string? conclusion, CancellationToken ct = default)
    {
        var order = await db.Set<ServiceOrder>().Include(o => o.Charge).Include(o => o.Visit).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return "Không tìm thấy chỉ định.";
        if (order.Kind == OrderKind.Lab) return $"{order.ServiceName} là xét nghiệm: kết quả do phòng xét nghiệm trả qua hệ thống xét nghiệm.";
        if (order.IsVoided() || order.Status == OrderStatus.Cancelled) return $"Chỉ định {order.ServiceName} đã bị hủy.";
        var visit = order.Visit!;
        if (visit.IsVoided() || visit.Status == VisitStatus.Cancelled) return $"Lượt khám {visit.Code} đã bị hủy.";
        if (order.Status == OrderStatus.Performed) return $"Chỉ định {order.ServiceName} đã có kết quả.";
        if (string.IsNullOrWhiteSpace(conclusion)) return "Nhập kết luận.";
        if ((text?.Trim().Length ?? 0) > TextLength) return $"Mô tả tối đa {TextLength} ký tự.";
        if (conclusion.Trim().Length > ConclusionLength) return $"Kết luận tối đa {ConclusionLength} ký tự.";

        var staffId = await StaffOfUser.IdAsync(db, user.UserName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        order.ResultText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        order.ResultConclusion = conclusion.Trim();
        order.Status = OrderStatus.Performed;
        order.PerformedAt = now;
        order.PerformedBy = user.UserName;
        order.PerformingStaffId = staffId;
        if (order.Charge is { } charge)
        {
            charge.PerformedAt = now;
            charge.PerformingStaffId = staffId;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}
