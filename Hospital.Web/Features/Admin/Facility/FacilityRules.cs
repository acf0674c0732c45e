using System.ComponentModel.DataAnnotations;
using Hospital.Domain.Catalog;

namespace Hospital.Web.Features.Admin.Facility;

/// <summary>The facility settings form (the one row of facility_settings).</summary>
public sealed class FacilityInput
{
    [Required(ErrorMessage = "Nhập mã CSKCB.")]
    [RegularExpression(@"^\s*\d{5}\s*$", ErrorMessage = "Mã CSKCB gồm đúng 5 chữ số.")]
    public string FacilityCode { get; set; } = "";

    [Required(ErrorMessage = "Nhập tên cơ sở.")]
    [StringLength(300, ErrorMessage = "Tên cơ sở tối đa 300 ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Nhập địa chỉ.")]
    [StringLength(500, ErrorMessage = "Địa chỉ tối đa 500 ký tự.")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Chọn tỉnh/thành phố.")]
    [RegularExpression(@"^\s*\d{2}\s*$", ErrorMessage = "Mã tỉnh gồm 2 chữ số.")]
    public string ProvinceCode { get; set; } = "";

    public FacilityLevel Level { get; set; } = FacilityLevel.Basic;

    public FormerTier FormerTier { get; set; } = FormerTier.Provincial;

    [Range(0, 100, ErrorMessage = "Điểm đánh giá cấp chuyên môn từ 0 đến 100.")]
    public int? LevelScore { get; set; }

    [StringLength(30, ErrorMessage = "Số điện thoại tối đa 30 ký tự.")]
    [RegularExpression(@"^[0-9 +().-]*$", ErrorMessage = "Số điện thoại chỉ gồm chữ số và + ( ) . -")]
    public string? Phone { get; set; }

    /// <summary>Mã số thuế: 10 digits, or 10 + "-" + 3 for a dependent unit (Thông tư 105/2020/TT-BTC).</summary>
    [RegularExpression(@"^\s*\d{10}(-\d{3})?\s*$", ErrorMessage = "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số với đơn vị phụ thuộc.")]
    public string? TaxCode { get; set; }

    [StringLength(300, ErrorMessage = "Cơ quan chủ quản tối đa 300 ký tự.")]
    public string? ParentAuthority { get; set; }
}

/// <summary>Rules of the facility settings that need the catalogs.</summary>
public static class FacilityRules
{
    /// <summary>
    /// Mã CSKCB is 5 digits whose first two are the province code (it is sent as <c>maTinh</c> to
    /// the BHXH portal, bhyt-claims.md §6). When the provinces catalog is loaded, the prefix must
    /// be one of its codes; codes of provinces merged on 1/7/2025 count if the catalog keeps them
    /// as inactive rows, since facilities may still carry codes issued before the merger.
    /// </summary>
    public static string? CheckFacilityCode(string code, IReadOnlyCollection<string> provinceCodes)
    {
        code = code.Trim();
        if (code.Length != 5 || !code.All(char.IsAsciiDigit)) return "Mã CSKCB gồm đúng 5 chữ số.";
        if (provinceCodes.Count > 0 && !provinceCodes.Contains(code[..2]))
            return $"Hai chữ số đầu của mã CSKCB ({code[..2]}) không phải mã tỉnh trong danh mục tỉnh/thành phố.";
        return null;
    }

    public static string? CheckProvince(string provinceCode, IReadOnlyCollection<string> activeProvinceCodes) =>
        activeProvinceCodes.Count > 0 && !activeProvinceCodes.Contains(provinceCode.Trim())
            ? "Tỉnh/thành phố không có trong danh mục đang dùng."
            : null;

    /// <summary>
    /// Professional levels that replaced the old "tuyến" tiers (Luật 15/2023/QH15, Luật 51/2024/QH15;
    /// bhyt-claims.md §5); they decide the BHYT share for self-referred patients.
    /// </summary>
    public static string LevelName(FacilityLevel level) => level switch
    {
        FacilityLevel.Primary => "Cấp ban đầu",
        FacilityLevel.Basic => "Cấp cơ bản",
        FacilityLevel.Specialised => "Cấp chuyên sâu",
        _ => level.ToString(),
    };

    /// <summary>The tier before 2025, which several MA_DOITUONG_KCB rows of QĐ 3276 still depend on.</summary>
    public static string FormerTierName(FormerTier tier) => tier switch
    {
        FormerTier.Central => "Tuyến trung ương",
        FormerTier.Provincial => "Tuyến tỉnh",
        FormerTier.District => "Tuyến huyện",
        FormerTier.Commune => "Tuyến xã",
        _ => "Không xếp tuyến",
    };
}
