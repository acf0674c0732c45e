namespace Hospital.Web.Features.Workspaces;

/// <summary>The pharmacy's screens in a pharmacist's day: dispense, stock and its movements, the controlled-drug register, reports, the catalog.</summary>
internal static class PharmacyTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/pharmacy/dispensing", l["Cấp phát"]), ("/pharmacy/stock", l["Tồn kho"]), ("/pharmacy/receipts", l["Nhập kho"]),
         ("/pharmacy/transfers", l["Lĩnh – chuyển kho"]), ("/pharmacy/write-offs", l["Xuất khác"]), ("/pharmacy/counts", l["Kiểm kê"]),
         ("/pharmacy/register", l["Sổ thuốc GN – HT"]), ("/pharmacy/reports", l["Báo cáo"]), ("/pharmacy/alerts", l["Cảnh báo"]),
         ("/pharmacy/e-prescriptions", l["Đơn thuốc quốc gia"]), ("/pharmacy", l["Danh mục thuốc"]), ("/pharmacy/supplies", l["Vật tư y tế"])];
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
