namespace Hospital.Domain.Patients;

/// <summary>
/// Vietnamese phone numbers as clerks type them ("0912 345 678", "+84 912.345.678"): stored as
/// digits with the leading 0, so search by phone is an exact/prefix match on one form.
/// Mobile numbers have 10 digits since the 2018 renumbering; landlines 11 (0 + 2xx + 7–8 digits).
/// </summary>
public static class PhoneNumber
{
    public static string Normalize(string? text)
    {
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal)) digits = "0" + digits[3..];
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11) digits = "0" + digits[2..];
        return digits;
    }

    /// <summary>Null when <paramref name="normalized"/> is a plausible Vietnamese number.</summary>
    public static string? Error(string normalized) =>
        normalized.All(char.IsAsciiDigit) && normalized.Length is 10 or 11 && normalized[0] == '0' && normalized[1] != '0'
            ? null
            : "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (cố định), bắt đầu bằng 0, ví dụ 0912345678.";
}
