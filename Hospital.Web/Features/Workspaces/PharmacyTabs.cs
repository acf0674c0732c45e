namespace Hospital.Web.Features.Workspaces;

internal static class PharmacyTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/pharmacy", l["Danh mục thuốc"]), ("/pharmacy/supplies", l["Vật tư y tế"])];
}

internal static class InsuranceTabs
{
    public static IReadOnlyList<(string Href, string Label)> For(Microsoft.Extensions.Localization.IStringLocalizer l) =>
        [("/insurance", l["Dịch vụ kỹ thuật"]), ("/insurance/drugs", l["Thuốc"]), ("/insurance/groups", l["Đối tượng và mức hưởng"])];
}
