using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;

namespace Hospital.Lis.Catalog;

/// <summary>
/// The H/L and critical (LL/HH) flag of a numeric value against its reference range, and the
/// range as printed next to the value. Critical limits are checked first: a critical value must
/// reach the ordering doctor (issue 5 item 11), whatever the ordinary limits say.
/// </summary>
public static class ResultFlagging
{
    public static ResultFlag Flag(LabReferenceRange? range, decimal value)
    {
        if (range is null) return ResultFlag.None;
        if (range.CriticalLow is { } cl && value <= cl) return ResultFlag.CriticalLow;
        if (range.CriticalHigh is { } ch && value >= ch) return ResultFlag.CriticalHigh;
        if (range.Low is { } low && value < low) return ResultFlag.Low;
        if (range.High is { } high && value > high) return ResultFlag.High;
        return ResultFlag.None;
    }

    /// <summary>"4 - 10", "≤ 5", "≥ 0.9", or the normal text ("Âm tính"), without trailing zeros, as ServiceResult.ReferenceRange stores it.</summary>
    public static string? RangeText(LabReferenceRange? range)
    {
        if (range is null) return null;
        static string N(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        return (range.Low, range.High) switch
        {
            ({ } low, { } high) => $"{N(low)} - {N(high)}",
            ({ } low, null) => $"≥ {N(low)}",
            (null, { } high) => $"≤ {N(high)}",
            _ => range.NormalText,
        };
    }
}
