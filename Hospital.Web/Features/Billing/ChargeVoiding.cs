using Hospital.Domain.Audit;
using Hospital.Domain.Billing;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// Voids a charge line charged by mistake (a cashier at the counter, or finance correcting a claim):
/// the line stays with the reason, user and time (DESIGN.md "Data": never deleted) and leaves the
/// statement, the balance and the next claim version. Refused once the claim was handed to the
/// portal (Sent) or accepted by it: the money is then the BHXH's record, corrected by a new version
/// only after the portal answers. When an unsent claim version exists (Ready, Invalid, or Rejected
/// by the portal), the next version is built so the claim matches the lines again.
/// </summary>
public sealed class ChargeVoiding(HospitalDbContext db, IAuditUser user, TimeProvider clock, ClaimPreparation claims)
{
    public const int ReasonMaxLength = 500;

    /// <summary>Null when voided; otherwise why not, in Vietnamese, with nothing stored.</summary>
    public async Task<string?> VoidAsync(int visitId, long chargeId, string? reason, CancellationToken ct = default)
    {
        var charge = await db.Set<Charge>().FirstOrDefaultAsync(c => c.Id == chargeId && c.VisitId == visitId, ct);
        if (charge is null) return "Không tìm thấy dòng chi phí này trong lượt khám.";
        if (charge.IsVoided()) return $"Dòng \"{charge.ItemName}\" đã được hủy trước đó.";
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) return "Nhập lý do hủy dòng chi phí.";
        if (why.Length > ReasonMaxLength) return $"Lý do hủy tối đa {ReasonMaxLength} ký tự.";

        var latest = await LatestClaimAsync(visitId, ct);
        if (latest is { Status: ClaimStatus.Sent or ClaimStatus.Accepted })
            return latest.Status == ClaimStatus.Sent
                ? $"Không hủy được: hồ sơ BHYT {latest.MaLk} (phiên bản {latest.Version}) đang gửi cổng BHXH. Chờ kết quả giám định rồi mới điều chỉnh."
                : $"Không hủy được: hồ sơ BHYT {latest.MaLk} (phiên bản {latest.Version}) đã được cổng BHXH tiếp nhận. Chi phí đã quyết toán không sửa tại bảng kê.";

        charge.Void(why, user.UserName, clock.GetUtcNow().UtcDateTime);
        // One save: the audit interceptor writes the audit row in the same transaction.
        await db.SaveChangesAsync(ct);

        if (latest is { Status: ClaimStatus.Ready or ClaimStatus.Invalid or ClaimStatus.Rejected })
            await claims.PrepareAsync(visitId, user.UserName, ct);
        return null;
    }

    /// <summary>The visit's claim version that counts now (versions before it are Superseded).</summary>
    public Task<Claim?> LatestClaimAsync(int visitId, CancellationToken ct = default) =>
        db.Set<Claim>().AsNoTracking()
            .Where(c => c.VisitId == visitId && c.Status != ClaimStatus.Superseded)
            .OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
}
