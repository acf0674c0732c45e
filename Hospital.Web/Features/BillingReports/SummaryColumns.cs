using Hospital.Domain.Catalog;

namespace Hospital.Web.Features.BillingReports;

/// <summary>
/// The cost columns of the outpatient summary the portal compares a facility's claims against
/// (mẫu 79a-HD style, TT 102/2018 / QĐ 917 layout as reproduced by vendors ⚠: the portal's own
/// export is the authority): each MA_NHOM (QĐ 5937 App. 3) adds to one column.
/// </summary>
public static class SummaryColumns
{
    public static readonly IReadOnlyList<string> Titles =
    [
        "Xét nghiệm", "CĐHA, TDCN", "Thuốc", "Máu, chế phẩm máu", "Thủ thuật, phẫu thuật", "VTYT",
        "DVKT tỷ lệ", "Thuốc K, CTG", "Tiền khám", "Tiền giường", "Vận chuyển", "Khác",
    ];

    /// <summary>Index into <see cref="Titles"/>.</summary>
    public static int Of(BhytCostGroup group) => group switch
    {
        BhytCostGroup.Lab => 0,
        BhytCostGroup.Imaging or BhytCostGroup.FunctionalTest => 1,
        BhytCostGroup.DrugInList or BhytCostGroup.DrugByRate => 2,
        BhytCostGroup.Blood or BhytCostGroup.BloodProduct => 3,
        BhytCostGroup.Surgery or BhytCostGroup.Procedure => 4,
        BhytCostGroup.SupplyInList or BhytCostGroup.SupplyByRate => 5,
        BhytCostGroup.ServiceByRate => 6,
        BhytCostGroup.DrugCancerOrTransplant => 7,
        BhytCostGroup.Exam => 8,
        BhytCostGroup.DayBed or BhytCostGroup.InpatientBed or BhytCostGroup.HoldingBed => 9,
        BhytCostGroup.Transport => 10,
        _ => 11,
    };
}
