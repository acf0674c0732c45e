using System.Globalization;
using System.Text;

namespace Hospital.Domain.Patients;

/// <summary>
/// The QR printed on a chip CCCD, typed by a USB scanner as
/// <c>SoCCCD|SoCMNDcu|HoTen|NgaySinh(ddMMyyyy)|GioiTinh|DiaChi|NgayCap(ddMMyyyy)</c>
/// (vn-emr-rx.md §4.1). The newer thẻ căn cước (from 1/7/2024) may differ, so it is read
/// defensively: at least 6 fields, old CMND may be empty, a 4-digit birth "date" is a birth
/// year, and the raw text is kept.
/// </summary>
public sealed record CccdQrCode(
    string Cccd, string? OldIdNumber, string FullName, DateOnly? DateOfBirth, int BirthYear,
    Sex Sex, string Address, DateOnly? IssuedOn, string Raw)
{
    /// <summary>What a scanner typed into a search box or field looks like a CCCD QR: a '|' and a 12-digit first field.</summary>
    public static bool LooksLikeQr(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('|')) return false;
        var first = text.Trim()[..text.Trim().IndexOf('|')].Trim();
        return first.Length == 12 && first.All(char.IsAsciiDigit);
    }

    public static CccdQrCode? TryParse(string? text, out string? error)
    {
        error = null;
        var raw = (text ?? "").Trim();
        var fields = raw.Split('|').Select(f => f.Trim()).ToArray();
        if (fields.Length < 6)
        {
            error = $"Mã QR CCCD không đúng cấu trúc: cần ít nhất 6 trường ngăn bởi dấu |, đọc được {fields.Length}. Hãy quét lại.";
            return null;
        }
        var cccd = fields[0];
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
        {
            error = "Trường đầu của mã QR không phải số CCCD 12 chữ số. Hãy quét lại.";
            return null;
        }
        var cmnd = fields[1].Length == 0 ? null : fields[1];
        if (cmnd is not null && (cmnd.Length is not (9 or 12) || !cmnd.All(char.IsAsciiDigit)))
        {
            error = "Số CMND cũ trong mã QR phải có 9 hoặc 12 chữ số. Hãy quét lại.";
            return null;
        }
        var name = VietnameseName(fields[2]);
        if (name.Length == 0)
        {
            error = "Mã QR CCCD không có họ tên. Hãy quét lại.";
            return null;
        }
        DateOnly? born = null;
        int year;
        if (ParseDate(fields[3]) is { } d) { born = d; year = d.Year; }
        else if (fields[3].Length == 4 && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) year = y;
        else
        {
            error = $"Ngày sinh trong mã QR ({fields[3]}) không đúng dạng ngàyThángNăm (ddMMyyyy). Hãy quét lại.";
            return null;
        }
        Sex sex;
        switch (VietnameseTextKey(fields[4]))
        {
            case "nam": sex = Sex.Male; break;
            case "nu": sex = Sex.Female; break;
            default:
                error = $"Giới tính trong mã QR ({fields[4]}) phải là Nam hoặc Nữ. Hãy quét lại.";
                return null;
        }
        var issued = fields.Length > 6 ? ParseDate(fields[6]) : null;
        return new CccdQrCode(cccd, cmnd, name, born, year, sex, fields[5], issued, raw);
    }

    private static string VietnameseTextKey(string s) => Text.VietnameseText.SearchKey(s);

    private static DateOnly? ParseDate(string s) =>
        s.Length == 8 && DateOnly.TryParseExact(s, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// Some cards carry the name in capitals ("NGUYỄN VĂN AN"); stored names are written as
    /// people write them: each word capitalised ("Nguyễn Văn An"). A name already in mixed
    /// case is kept as typed, since the clerk or card chose it.
    /// </summary>
    public static string VietnameseName(string text)
    {
        var words = Text.VietnameseText.Nfc(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words);
        var letters = joined.Where(char.IsLetter).ToArray();
        var mixed = letters.Any(char.IsUpper) && letters.Any(char.IsLower);
        if (mixed) return joined;
        var sb = new StringBuilder(joined.Length);
        foreach (var word in words)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(char.ToUpperInvariant(word[0])).Append(word[1..].ToLowerInvariant());
        }
        return sb.ToString();
    }
}
