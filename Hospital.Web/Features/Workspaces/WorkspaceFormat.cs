using System.Globalization;
using Hospital.Domain.Catalog;
using Hospital.Domain.Patients;

namespace Hospital.Web.Features.Workspaces;

/// <summary>How the workspace lists show money, dates and code values (Vietnamese conventions).</summary>
public static class WorkspaceFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>VND without decimals and with "." thousands separators: 46.200.</summary>
    public static string Money(decimal? amount) => amount is { } a ? a.ToString("#,##0", Vi) : "—";

    /// <summary>Full date of birth when known, else the year (many elderly patients know only that).</summary>
    public static string Born(DateOnly? dateOfBirth, int birthYear) =>
        dateOfBirth is { } d ? Platform.VietnamTime.Date(d) : birthYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>"65 tuổi", or "8 tháng" for babies, whose age clinicians count in months.</summary>
    public static string AgeText(DateOnly? dateOfBirth, int birthYear, DateOnly today)
    {
        var years = PatientAge.Years(dateOfBirth, birthYear, today);
        if (years >= 1 || dateOfBirth is not { } d) return $"{Math.Max(years, 0)} tuổi";
        return $"{Math.Max(PatientAge.Months(d, today), 0)} tháng";
    }

    public static string Sex(Sex sex) => sex switch
    {
        Domain.Patients.Sex.Male => "Nam",
        Domain.Patients.Sex.Female => "Nữ",
        _ => "Chưa xác định",
    };

    /// <summary>MA_NHOM names (QĐ 5937 App. 3, group 19 added by QĐ 4750; bhyt-claims.md §4.1).</summary>
    public static string CostGroup(BhytCostGroup group) => group switch
    {
        BhytCostGroup.Lab => "Xét nghiệm",
        BhytCostGroup.Imaging => "Chẩn đoán hình ảnh",
        BhytCostGroup.FunctionalTest => "Thăm dò chức năng",
        BhytCostGroup.DrugInList => "Thuốc trong danh mục BHYT",
        BhytCostGroup.DrugCancerOrTransplant => "Thuốc điều trị ung thư, chống thải ghép ngoài danh mục",
        BhytCostGroup.DrugByRate => "Thuốc thanh toán theo tỷ lệ",
        BhytCostGroup.Blood => "Máu và chế phẩm máu",
        BhytCostGroup.Surgery => "Phẫu thuật",
        BhytCostGroup.ServiceByRate => "DVKT thanh toán theo tỷ lệ",
        BhytCostGroup.SupplyInList => "Vật tư y tế trong danh mục BHYT",
        BhytCostGroup.SupplyByRate => "Vật tư y tế thanh toán theo tỷ lệ",
        BhytCostGroup.Transport => "Vận chuyển người bệnh",
        BhytCostGroup.Exam => "Khám bệnh",
        BhytCostGroup.DayBed => "Giường điều trị ngoại trú, ban ngày",
        BhytCostGroup.InpatientBed => "Giường điều trị nội trú",
        BhytCostGroup.HoldingBed => "Ngày giường lưu",
        BhytCostGroup.BloodProduct => "Chế phẩm máu",
        BhytCostGroup.Procedure => "Thủ thuật",
        BhytCostGroup.Other => "Dịch vụ khác",
        _ => ((int)group).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// What a card's benefit level (3rd character) usually means (QĐ 1351/QĐ-BHXH; bhyt-claims.md §5).
    /// The payable share of a visit also depends on the route and the portal check.
    /// </summary>
    public static string BenefitLevel(int level) => level switch
    {
        1 => "100% chi phí KCB, không giới hạn tỷ lệ thuốc, VTYT, DVKT",
        2 => "100% chi phí KCB, có giới hạn tỷ lệ thuốc, VTYT, DVKT",
        3 => "95% chi phí KCB",
        4 => "80% chi phí KCB",
        5 => "100% chi phí KCB, kể cả ngoài phạm vi và vận chuyển",
        _ => "",
    };
}
