namespace Hospital.Domain.Patients;

/// <summary>
/// The 12-digit personal identification number printed on the CCCD / thẻ căn cước (Luật Căn
/// cước 2023 Đ12; structure from TT 59/2021/TT-BCA Đ7, vn-emr-rx.md §4.1):
/// <c>PPP S YY NNNNNN</c> = birth-registration province (old 63-province list) + century/sex
/// digit + last two digits of the birth year + 6 serial digits. There is no check digit, so
/// the useful checks are the structure and its agreement with the sex and birth year the
/// clerk entered: a contradiction means a typo in one of them.
/// </summary>
public static class CccdNumber
{
    /// <summary>Spaces and dots a clerk types between groups of digits are dropped.</summary>
    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());

    /// <summary>
    /// Century/sex digit: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199,
    /// 6/7 = 2200–2299, 8/9 = 2300–2399 (TT 59/2021 Đ7 k2; nobody alive was born before 1900).
    /// </summary>
    public static int CenturySexDigit(Sex sex, int birthYear) =>
        (birthYear / 100 - 19) * 2 + (sex == Sex.Female ? 1 : 0);

    /// <summary>The shape only: 12 digits with a known province prefix.</summary>
    public static string? ShapeError(string cccd)
    {
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
            return $"Số CCCD phải gồm đúng 12 chữ số (đang có {cccd.Length} ký tự).";
        if (!OldProvinceCodes.IsCccdPrefix(cccd[..3]))
            return $"3 số đầu của CCCD ({cccd[..3]}) không phải mã tỉnh nơi đăng ký khai sinh.";
        return null;
    }

    /// <summary>
    /// Checks <paramref name="cccd"/> (already normalized) against the sex and birth year the
    /// clerk entered; null when it agrees. An unknown sex skips the sex half of the 4th digit.
    /// </summary>
    public static string? Check(string cccd, Sex? sex, int? birthYear)
    {
        if (ShapeError(cccd) is { } shape) return shape;
        var digit = cccd[3] - '0';
        var century = 1900 + digit / 2 * 100;
        var cardFemale = digit % 2 == 1;
        if (sex is Sex.Male && cardFemale)
            return "Số thứ 4 của CCCD là số lẻ (nữ), trái với giới tính Nam đã nhập.";
        if (sex is Sex.Female && !cardFemale)
            return "Số thứ 4 của CCCD là số chẵn (nam), trái với giới tính Nữ đã nhập.";
        if (birthYear is { } year)
        {
            var cardYear = century + int.Parse(cccd.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
            if (cardYear != year)
                return $"Số CCCD cho năm sinh {cardYear} (số thứ 4–6), trái với năm sinh {year} đã nhập.";
        }
        return null;
    }
}
