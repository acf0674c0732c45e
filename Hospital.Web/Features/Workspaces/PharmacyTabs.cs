namespace Hospital.Web.Features.Workspaces;

internal static class PharmacyTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/pharmacy", l["Danh mục thuốc"]), ("/pharmacy/supplies", l["Vật tư y tế"])];
}

internal static class InsuranceTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/insurance", l["Dịch vụ kỹ thuật"]), ("/insurance/drugs", l["Thuốc"]), ("/insurance/groups", l["Đối tượng và mức hưởng"]),
         ("/insurance/claims", l["Hồ sơ XML"]), ("/insurance/reports", l["Báo cáo"]), ("/insurance/staff", l["Chứng chỉ hành nghề"])];
}

/// <summary>The lab's screens in a technician's day: receive tubes, validate results, settle unmatched results, QC, analysers.</summary>
internal static class LabTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/lab", l["Nhận mẫu"]), ("/lab/validation", l["Duyệt kết quả"]), ("/lab/unmatched", l["Kết quả chưa khớp"]),
         ("/lab/qc", l["Nội kiểm (QC)"]), ("/lab/analysers", l["Máy xét nghiệm"])];
}

/// <summary>The cashier's screens: the counter, the shift, voids waiting for a second person, receipt books, the price list.</summary>
internal static class CashierTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/cashier", l["Quầy thu"]), ("/cashier/shift", l["Ca thu ngân"]), ("/cashier/voids", l["Duyệt hủy phiếu"]),
         ("/cashier/books", l["Quyển biên lai"]), ("/cashier/prices", l["Bảng giá"])];
}
