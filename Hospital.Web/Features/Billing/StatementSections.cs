using Hospital.Domain.Catalog;

namespace Hospital.Web.Features.Billing;

/// <summary>A section of the statement: its number and title on the form, its lines and their totals.</summary>
public sealed record StatementSection(int Number, string Title, IReadOnlyList<CoveredCharge> Lines)
{
    public SplitTotals Totals => SplitTotals.Sum(Lines.Select(l => SplitTotals.Of(l.Split)));
}

/// <summary>
/// The sections of the bảng kê chi phí khám bệnh, chữa bệnh (mẫu 01/KBCB of QĐ 6556/QĐ-BYT 2018,
/// kept by QĐ 697/2026 as far as the public summaries show ⚠): costs listed by kind in a fixed order,
/// each MA_NHOM (QĐ 5937 App. 3) falling in one section. Sections without lines are not printed.
/// </summary>
public static class StatementSections
{
    /// <summary>Section number and title of a cost group on the form.</summary>
    public static (int Number, string Title) Of(BhytCostGroup group) => group switch
    {
        BhytCostGroup.Exam => (1, "Khám bệnh"),
        BhytCostGroup.DayBed or BhytCostGroup.InpatientBed or BhytCostGroup.HoldingBed => (2, "Ngày giường"),
        BhytCostGroup.Lab => (3, "Xét nghiệm"),
        BhytCostGroup.Imaging => (4, "Chẩn đoán hình ảnh"),
        BhytCostGroup.FunctionalTest => (5, "Thăm dò chức năng"),
        BhytCostGroup.Procedure or BhytCostGroup.Surgery or BhytCostGroup.ServiceByRate => (6, "Thủ thuật, phẫu thuật"),
        BhytCostGroup.Blood or BhytCostGroup.BloodProduct => (7, "Máu, chế phẩm máu, vận chuyển máu"),
        BhytCostGroup.DrugInList or BhytCostGroup.DrugCancerOrTransplant or BhytCostGroup.DrugByRate => (8, "Thuốc, dịch truyền"),
        BhytCostGroup.SupplyInList or BhytCostGroup.SupplyByRate => (9, "Vật tư y tế"),
        BhytCostGroup.Transport => (11, "Vận chuyển người bệnh"),
        _ => (12, "Dịch vụ khác"),
    };

    /// <summary>The visit's lines in form order; inside a section, in the order they were charged.</summary>
    public static IReadOnlyList<StatementSection> Group(IEnumerable<CoveredCharge> lines) =>
        lines.GroupBy(l => Of(l.Charge.CostGroup))
            .OrderBy(g => g.Key.Number)
            .Select(g => new StatementSection(g.Key.Number, g.Key.Title, g.ToList()))
            .ToList();
}
