using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Lis.Catalog;

namespace Hospital.Lis.Results;

/// <summary>A value as the LIS reads it: the number in it (if it is one), its flag, and the range printed beside it.</summary>
public sealed record LabValueReading(decimal? Number, ResultFlag Flag, string? ReferenceRange);

/// <summary>
/// Reads a result value the way a technician would: "4.8" and "4,8" (decimal comma, §5 data
/// quality) are numbers; ">500", "&lt;0.1", "----", "*****", "Dương tính" are not and are kept as
/// text, never coerced to 0 (BLIS did that, lis-protocols.md §5). Numbers are flagged against the
/// patient's range (critical first); a text result is Abnormal when it differs from the range's
/// normal text, or when the analyser flagged it.
/// </summary>
public static class LabValueReadings
{
    public static LabValueReading Read(LabTest test, LabReferenceRange? range, string value, string? analyserFlags = null)
    {
        var text = value.Trim();
        var number = test.ResultType == LabResultType.Numeric ? ParseNumber(text) : null;
        var flag = number is { } n ? ResultFlagging.Flag(range, n) : TextFlag(range, text, analyserFlags);
        return new LabValueReading(number, flag, ResultFlagging.RangeText(range));
    }

    /// <summary>A plain decimal number with '.' or a single ',' as the decimal mark; anything else (qualifiers, symbols, thousands separators) is not a number.</summary>
    public static decimal? ParseNumber(string text)
    {
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 40) return null;
        if (s.Contains(',') && !s.Contains('.') && s.IndexOf(',') == s.LastIndexOf(',')) s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d : null;
    }

    private static ResultFlag TextFlag(LabReferenceRange? range, string text, string? analyserFlags)
    {
        if (range?.NormalText is { Length: > 0 } normal)
            return string.Equals(normal.Trim(), text, StringComparison.OrdinalIgnoreCase) ? ResultFlag.None : ResultFlag.Abnormal;
        return IsAbnormalFlag(analyserFlags) ? ResultFlag.Abnormal : ResultFlag.None;
    }

    /// <summary>ASTM R-7 / HL7 OBX-8 "N" (or empty) is normal; anything else (H, L, A, HH, LL, &lt;, &gt;, W) is not.</summary>
    public static bool IsAbnormalFlag(string? analyserFlags) =>
        analyserFlags?.Trim() is { Length: > 0 } f && !string.Equals(f, "N", StringComparison.OrdinalIgnoreCase);
}
