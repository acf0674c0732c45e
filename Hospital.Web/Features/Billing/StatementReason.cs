using System.Globalization;
using Hospital.Domain.Billing.Coverage;
using Hospital.Domain.Visits;
using Hospital.Web.Features.Workspaces;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// The sentence under MUC_HUONG on the statement: why the fund pays this share (bhyt-claims.md §4.3, §5),
/// so a patient asking at the counter and the finance officer read the same reason.
/// </summary>
public static class StatementReason
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Text(VisitCoverageResult r)
    {
        var v = r.Visit;
        return r.Coverage.Reason switch
        {
            CoverageReason.NotInsured when v.Kind == VisitKind.Free =>
                "Lượt khám miễn phí: quỹ của bệnh viện chi trả toàn bộ (nguồn khác), người bệnh không phải trả.",
            CoverageReason.NotInsured => "Người bệnh không khám bằng thẻ BHYT: tự trả toàn bộ chi phí.",
            CoverageReason.SmallVisit =>
                $"Tổng chi phí trong phạm vi BHYT dưới 15% lương cơ sở ({WorkspaceFormat.Money(CoverageCalculator.SmallVisitThreshold(r.BaseSalary))} đồng): quỹ BHYT trả 100%.",
            CoverageReason.CoPaymentExempt =>
                $"Tham gia BHYT 5 năm liên tục và đã cùng chi trả trong năm quá 6 tháng lương cơ sở ({WorkspaceFormat.Money(CoverageCalculator.CoPaymentLimit(r.BaseSalary))} đồng): miễn cùng chi trả.",
            CoverageReason.FullCover => "Thẻ mức hưởng 5: quỹ BHYT trả 100% chi phí, kể cả ngoài phạm vi.",
            _ => $"Đối tượng {v.BenefitCategoryCode}, thẻ {v.CardNumber}: quỹ BHYT trả {r.Coverage.MucHuong.ToString("0.##", Vi)}% chi phí trong phạm vi.",
        };
    }

}
