using System.Globalization;

namespace Hospital.Lis.Results;

/// <summary>
/// A result value as a number when it is a plain one: "4.8", "4,8" (decimal comma, as some analysers
/// and people in Vietnam write it), "-1.2". Anything else (">500", "----", "*****", "Dương tính")
/// is not a number and stays text: never coerced to 0 (BLIS did, lis-protocols.md §2.5 and §5).
/// </summary>
public static class LabValueNumber
{
    public static decimal? Parse(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length is 0 or > 30 || (text.Contains('.') && text.Contains(','))) return null;
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var n) && Math.Abs(n) < 1_000_000_000_000m ? n : null;
    }
}
