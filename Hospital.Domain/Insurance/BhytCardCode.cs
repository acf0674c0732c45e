namespace Hospital.Domain.Insurance;

/// <summary>
/// The 15-character BHYT card code <c>AA B PP NNNNNNNNNN</c> (bhyt-claims.md §5): beneficiary
/// group (2 letters), benefit level (1 digit, 1–5), issuing province (2 digits), social-insurance
/// number (10 digits). Whether the group exists and the province is a real one is checked by
/// the caller against the catalogs in force on the visit date; this only reads the shape.
/// </summary>
public sealed record BhytCardCode(string Value, string GroupCode, int BenefitLevel, string ProvinceCode, string SocialInsuranceNumber)
{
    /// <summary>Reads a typed or scanned code: spaces and dashes are dropped, letters upper-cased.</summary>
    public static BhytCardCode? TryParse(string? text, out string? error)
    {
        var code = Normalize(text);
        error = null;
        if (code.Length != 15)
            error = $"Mã thẻ BHYT phải có đúng 15 ký tự (đang có {code.Length}).";
        else if (!char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
            error = "Hai ký tự đầu của mã thẻ BHYT phải là chữ cái (mã đối tượng).";
        else if (code[2] is < '1' or > '5')
            error = "Ký tự thứ 3 của mã thẻ BHYT (mức hưởng) phải là số từ 1 đến 5.";
        else if (!char.IsAsciiDigit(code[3]) || !char.IsAsciiDigit(code[4]))
            error = "Ký tự thứ 4–5 của mã thẻ BHYT (mã tỉnh) phải là 2 chữ số.";
        else if (!code[5..].All(char.IsAsciiDigit))
            error = "10 ký tự cuối của mã thẻ BHYT (mã số BHXH) phải là chữ số.";
        return error is null ? new BhytCardCode(code, code[..2], code[2] - '0', code[3..5], code[5..]) : null;
    }

    public static string Normalize(string? text) =>
        new((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public override string ToString() => Value;
}
