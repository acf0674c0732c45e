namespace Hospital.Domain.Insurance;

/// <summary>
/// What a card-check result code (maKetQua of KQNhanLichSuKCB2024, bhyt-claims.md §6, CV
/// 1923/BHXH-CNTT) means at reception: the clerk's message, and whether the card may not be used
/// for this visit. Vendors treat 003, 010, 05x, 06x, 070, 110, 12x and 130 as blocking [VEND].
/// </summary>
public static class BhytCardChecks
{
    public const string Valid = "000";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["000"] = "Thẻ BHYT hợp lệ.",
        ["001"] = "Thẻ do BHXH Bộ Quốc phòng quản lý: kiểm tra giấy tờ tùy thân của người bệnh.",
        ["002"] = "Thẻ do BHXH Bộ Công an quản lý: kiểm tra giấy tờ tùy thân của người bệnh.",
        ["003"] = "Thẻ cũ đã hết giá trị sử dụng, người bệnh đã được cấp thẻ mới: dùng thẻ mới.",
        ["004"] = "Thẻ cũ còn giá trị sử dụng, người bệnh đã được cấp thẻ mới.",
        ["010"] = "Thẻ BHYT đã hết hạn sử dụng.",
        ["050"] = "Không có thông tin thẻ BHYT trên Cổng BHXH.",
        ["051"] = "Mã thẻ BHYT không đúng.",
        ["052"] = "Mã tỉnh (ký tự 4–5) của mã thẻ không đúng.",
        ["053"] = "Mã quyền lợi (ký tự thứ 3) của mã thẻ không đúng.",
        ["054"] = "Số CCCD của cán bộ tiếp đón chưa được đăng ký với BHXH.",
        ["055"] = "Họ tên cán bộ tiếp đón không khớp với số CCCD đã đăng ký.",
        ["060"] = "Họ tên không khớp với thông tin thẻ BHYT.",
        ["061"] = "Họ tên không khớp với thông tin thẻ BHYT (đúng ký tự đầu).",
        ["070"] = "Ngày sinh không khớp với thông tin thẻ BHYT.",
        ["100"] = "Lỗi cơ sở dữ liệu thẻ của BHXH: kiểm tra lại sau.",
        ["101"] = "Lỗi máy chủ Cổng BHXH: kiểm tra lại sau.",
        ["110"] = "Thẻ BHYT đã bị thu hồi.",
        ["120"] = "Thẻ đã bị báo giảm (chuyển tỉnh).",
        ["121"] = "Thẻ đã bị báo giảm (chuyển nội tỉnh).",
        ["122"] = "Thẻ đã bị báo giảm (tăng lại cùng đơn vị).",
        ["123"] = "Thẻ đã bị báo giảm (ngừng tham gia).",
        ["124"] = "Thẻ đã bị báo giảm.",
        ["130"] = "Trẻ em không xuất trình thẻ.",
        ["205"] = "Tham số gửi lên Cổng BHXH sai định dạng.",
        ["401"] = "Lỗi xác thực tài khoản với Cổng BHXH.",
    };

    /// <summary>The card may not be used for the visit (the clerk must see the papers, a new card, or register as fee-paying).</summary>
    public static bool IsBlocking(string? code) => code is not null && (
        code is "003" or "010" or "070" or "110" or "130"
        || (code.Length == 3 && (code.StartsWith("05", StringComparison.Ordinal) || code.StartsWith("06", StringComparison.Ordinal) || code.StartsWith("12", StringComparison.Ordinal))));

    /// <summary>
    /// The portal failed on its side (100, 101) or refused our credentials (401): say nothing about
    /// the card and try again later.
    /// </summary>
    public static bool IsPortalFault(string? code) => code is "100" or "101" or "401";

    /// <summary>The officer (hoTenCb/cccdCb) is not registered with BHXH: a set-up problem of the facility, not of the card.</summary>
    public static bool IsOfficerProblem(string? code) => code is "054" or "055";

    public static string Message(string? code) =>
        code is not null && Messages.TryGetValue(code, out var m) ? m : $"Cổng BHXH trả mã kết quả không xác định: {code}.";
}
