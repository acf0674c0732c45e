namespace Hospital.Integration.Bhxh.Claims;

/// <summary>What the claim fields mean, in the words finance staff use (bhyt-claims.md §3), for the validator's messages.</summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["MA_LK"] = "mã liên kết hồ sơ", ["MA_BN"] = "mã người bệnh", ["HO_TEN"] = "họ tên",
        ["MA_QUOCTICH"] = "mã quốc tịch", ["MA_DANTOC"] = "mã dân tộc", ["MA_NGHE_NGHIEP"] = "mã nghề nghiệp",
        ["DIA_CHI"] = "địa chỉ", ["MATINH_CU_TRU"] = "mã tỉnh cư trú", ["MAHUYEN_CU_TRU"] = "mã huyện cư trú",
        ["MAXA_CU_TRU"] = "mã xã cư trú", ["DIEN_THOAI"] = "điện thoại", ["LY_DO_VV"] = "lý do đến khám",
        ["CHAN_DOAN_VAO"] = "chẩn đoán vào", ["CHAN_DOAN_RV"] = "chẩn đoán ra", ["MA_BENH_KT"] = "mã bệnh kèm theo",
        ["MA_NOI_DI"] = "nơi chuyển đi", ["MA_NOI_DEN"] = "nơi chuyển đến", ["GIAY_CHUYEN_TUYEN"] = "số giấy chuyển tuyến",
        ["MA_KHOA"] = "mã khoa", ["MA_HSBA"] = "số hồ sơ bệnh án / phiếu khám",
        ["MA_THUOC"] = "mã thuốc", ["TEN_THUOC"] = "tên thuốc", ["DON_VI_TINH"] = "đơn vị tính", ["HAM_LUONG"] = "hàm lượng",
        ["DUONG_DUNG"] = "mã đường dùng", ["LIEU_DUNG"] = "liều dùng", ["SO_DANG_KY"] = "số đăng ký", ["TT_THAU"] = "thông tin thầu",
        ["MA_DICH_VU"] = "mã dịch vụ", ["TEN_DICH_VU"] = "tên dịch vụ", ["MA_VAT_TU"] = "mã vật tư", ["TEN_VAT_TU"] = "tên vật tư",
        ["MA_BAC_SI"] = "mã chứng chỉ hành nghề của bác sĩ chỉ định", ["NGUOI_THUC_HIEN"] = "mã chứng chỉ hành nghề của người thực hiện",
        ["TEN_CHI_SO"] = "tên chỉ số", ["DIEN_BIEN_LS"] = "diễn biến lâm sàng", ["MA_CSKCB_DEN"] = "cơ sở chuyển đến",
    };

    public static string Of(string field) => Names.GetValueOrDefault(field, field);
}
