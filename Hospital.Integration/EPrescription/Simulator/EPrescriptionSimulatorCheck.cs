using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hospital.Integration.EPrescription.Simulator;

/// <summary>
/// What the simulator checks in a gui-don-thuoc body (vn-emr-rx.md §3.4, TT 26 Đ6): the required
/// fields and their formats, as the national system's validation list (danh_sach_cac_loi) would.
/// </summary>
public static partial class EPrescriptionSimulatorCheck
{
    private static readonly string[] Required = ["loai_don_thuoc", "ma_don_thuoc", "ho_ten_benh_nhan", "ngay_sinh_benh_nhan", "dia_chi", "ngay_gio_ke_don"];

    /// <summary>Both the TT 26 upper-case suffix and the lower-case one public clients send.</summary>
    [GeneratedRegex("^[0-9A-Za-z]{5}[0-9a-z]{7}-[NHCTnhcty]$")]
    private static partial Regex CodePattern();

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static List<string> Errors(JsonObject body)
    {
        var errors = new List<string>();
        foreach (var name in Required)
            if (string.IsNullOrWhiteSpace(Text(body[name]))) errors.Add($"{name}: bắt buộc");
        if (Text(body["ma_don_thuoc"]) is { Length: > 0 } code && !CodePattern().IsMatch(code))
            errors.Add("ma_don_thuoc: phải gồm 14 ký tự xxxxxyyyyyyy-z");
        var form = Text(body["loai_don_thuoc"])?.ToLowerInvariant();
        if (form is { Length: > 0 } && form is not ("c" or "n" or "h" or "y" or "t"))
            errors.Add("loai_don_thuoc: chỉ nhận c, n, h, y");
        if (Text(body["ngay_sinh_benh_nhan"]) is { Length: > 0 } born && !IsDate(born))
            errors.Add("ngay_sinh_benh_nhan: định dạng dd/MM/yyyy");
        if (Text(body["ngay_gio_ke_don"]) is { Length: > 0 } at
            && !DateTime.TryParseExact(at, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add("ngay_gio_ke_don: định dạng yyyy-MM-dd HH:mm:ss");
        if (body["gioi_tinh"] is not JsonValue sex || !sex.TryGetValue<int>(out var s) || s is < 1 or > 3)
            errors.Add("gioi_tinh: 1, 2 hoặc 3");
        if (body["ngay_tai_kham"] is JsonValue followUp && followUp.GetValueKind() != JsonValueKind.Number)
            errors.Add("ngay_tai_kham: số ngày");

        if (body["chan_doan"] is not JsonArray diagnoses || diagnoses.Count == 0)
            errors.Add("chan_doan: bắt buộc");
        else if (diagnoses.Any(d => string.IsNullOrWhiteSpace(Text(d?["ma_chan_doan"]))))
            errors.Add("chan_doan.ma_chan_doan: bắt buộc");

        if (body["thong_tin_don_thuoc"] is not JsonArray lines || lines.Count == 0)
            errors.Add("thong_tin_don_thuoc: bắt buộc");
        else
            foreach (var line in lines)
            {
                if (string.IsNullOrWhiteSpace(Text(line?["biet_duoc"])) || string.IsNullOrWhiteSpace(Text(line?["ten_thuoc"])))
                    errors.Add("thong_tin_don_thuoc: biet_duoc và ten_thuoc không được để trống");
                if (line?["so_luong"] is not JsonValue q || q.GetValueKind() != JsonValueKind.String)
                    errors.Add("thong_tin_don_thuoc.so_luong: kiểu chuỗi");
            }

        if (Text(body["ngay_sinh_benh_nhan"]) is { } b && IsDate(b) && Text(body["ngay_gio_ke_don"]) is { Length: >= 10 } when
            && DateOnly.TryParseExact(when[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && DateOnly.ParseExact(b, "dd/MM/yyyy", CultureInfo.InvariantCulture).AddMonths(72) > day
            && string.IsNullOrWhiteSpace(Text(body["thong_tin_nguoi_giam_ho"])))
            errors.Add("thong_tin_nguoi_giam_ho: bắt buộc với trẻ dưới 72 tháng tuổi");

        if (form is "n" or "h")
        {
            if (body["dot_dung_thuoc"] is not JsonObject round)
                errors.Add("dot_dung_thuoc: bắt buộc với đơn gây nghiện, hướng thần");
            else if (!IsDate(Text(round["tu_ngay"])) || !IsDate(Text(round["den_ngay"])))
                errors.Add("dot_dung_thuoc: tu_ngay, den_ngay định dạng dd/MM/yyyy");
        }
        return errors.Distinct().ToList();
    }

    private static bool IsDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
