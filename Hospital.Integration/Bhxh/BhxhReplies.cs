using System.Globalization;
using System.Text.Json;

namespace Hospital.Integration.Bhxh;

/// <summary>Reads the gateway's JSON replies leniently: codes may come as numbers or strings, fields may be missing or null.</summary>
internal static class BhxhReplies
{
    public static JsonElement? TryParse(string raw)
    {
        try { using var doc = JsonDocument.Parse(raw); return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null; }
        catch (JsonException) { return null; }
    }

    public static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>dd/MM/yyyy as the card API writes dates; also yyyyMMdd.</summary>
    public static DateOnly? Date(JsonElement obj, string name) =>
        Text(obj, name) is { Length: > 0 } t
        && DateOnly.TryParseExact(t.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static CardLookupResult ReadCardLookup(JsonElement j, string raw) => new()
    {
        ResultCode = Text(j, "maKetQua") ?? "",
        Note = Text(j, "ghiChu"),
        CardNumber = Text(j, "maThe"),
        FullName = Text(j, "hoTen"),
        BirthDate = Text(j, "ngaySinh"),
        Sex = Text(j, "gioiTinh"),
        Address = Text(j, "diaChi"),
        RegisteredFacilityCode = Text(j, "maDKBD"),
        InsuranceOffice = Text(j, "cqBHXH"),
        ValidFrom = Date(j, "gtTheTu"),
        ValidTo = Date(j, "gtTheDen"),
        AreaCode = Text(j, "maKV"),
        FiveYearsContinuousFrom = Date(j, "ngayDu5Nam"),
        SocialInsuranceNumber = Text(j, "maSoBHXH"),
        OldCardNumber = Text(j, "maTheCu"),
        NewCardNumber = Text(j, "maTheMoi"),
        NewValidFrom = Date(j, "gtTheTuMoi"),
        NewValidTo = Date(j, "gtTheDenMoi"),
        NewRegisteredFacilityCode = Text(j, "maDKBDMoi"),
        NewRegisteredFacilityName = Text(j, "tenDKBDMoi"),
        Visits = Array(j, "dsLichSuKCB2018").Select(v => new CardVisitHistory(Text(v, "maHoSo"), Text(v, "maCSKCB"), Text(v, "ngayVao"),
            Text(v, "ngayRa"), Text(v, "tenBenh"), Text(v, "tinhTrang"), Text(v, "kqDieuTri"), Text(v, "lyDoVV"))).ToList(),
        Checks = Array(j, "dsLichSuKT2018").Select(v => new CardCheckHistory(Text(v, "userKT"), Text(v, "thoiGianKT"), Text(v, "thongBao"), Text(v, "maLoi"))).ToList(),
        RawJson = raw,
    };

    private static IEnumerable<JsonElement> Array(JsonElement j, string name) =>
        j.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];
}
