using Hospital.Domain.Audit;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;

namespace Hospital.Domain.Visits;

/// <summary>
/// Cancels a visit registered by mistake or abandoned before any service was done (issue 3 §5):
/// the visit is voided with the reason and marked Cancelled, its ticket leaves the queue and the
/// exam fee is voided with the same reason. Nothing is deleted (DESIGN.md "Data").
/// Once the doctor has started, or a service was ordered or performed, the visit belongs to the
/// clinical record and is closed by the doctor instead.
/// </summary>
public sealed class VisitCancellation(HospitalDbContext db, IAuditUser user, TimeProvider clock)
{
    public sealed record Result(bool Cancelled, bool NotFound, string? Error);

    public async Task<Result> CancelAsync(int visitId, string? reason, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return new(false, true, "Không tìm thấy lượt khám.");
        if (string.IsNullOrWhiteSpace(reason)) return Refuse("Nhập lý do hủy lượt khám.");
        if (reason.Trim().Length > 500) return Refuse("Lý do hủy tối đa 500 ký tự.");
        if (visit.IsVoided() || visit.Status == VisitStatus.Cancelled) return Refuse($"Lượt khám {visit.Code} đã được hủy trước đó.");
        if (visit.Status != VisitStatus.Waiting)
            return Refuse($"Không hủy được lượt khám {visit.Code}: người bệnh đã vào khám. Bác sĩ kết thúc lượt khám trong hồ sơ bệnh án.");

        var tickets = await db.Set<QueueTicket>().Where(t => t.VisitId == visit.Id).ToListAsync(ct);
        if (tickets.Any(t => t.Status is TicketStatus.InExam or TicketStatus.Done))
            return Refuse($"Không hủy được lượt khám {visit.Code}: người bệnh đã vào phòng khám.");
        var charges = await db.Set<Charge>().Where(c => c.VisitId == visit.Id && c.VoidedAt == null).ToListAsync(ct);
        if (charges.FirstOrDefault(c => c.PerformedAt is not null) is { } performed)
            return Refuse($"Không hủy được lượt khám {visit.Code}: đã thực hiện {performed.ItemName}.");
        if (charges.FirstOrDefault(c => c.CostGroup != BhytCostGroup.Exam) is { } ordered)
            return Refuse($"Không hủy được lượt khám {visit.Code}: đã có chỉ định {ordered.ItemName}; hủy chỉ định trước.");

        var now = clock.GetUtcNow().UtcDateTime;
        var why = reason.Trim();
        visit.Void(why, user.UserName, now);
        visit.Status = VisitStatus.Cancelled;
        foreach (var t in tickets.Where(t => t.Status != TicketStatus.Cancelled)) t.Status = TicketStatus.Cancelled;
        foreach (var c in charges) c.Void(why, user.UserName, now);
        // One save: the audit interceptor wraps it, with its audit rows, in one transaction.
        await db.SaveChangesAsync(ct);
        return new(true, false, null);
    }

    private static Result Refuse(string message) => new(false, false, message);
}
