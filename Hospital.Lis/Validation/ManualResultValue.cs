using System.Globalization;
using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Lis.Catalog;

namespace Hospital.Lis.Validation;

/// <summary>A typed value as stored: the text, its number when numeric, and its flag against the patient's range.</summary>
public sealed record ManualValue(string Value, decimal? Number, ResultFlag Flag, string? RangeText);

/// <summary>
/// Reads a value a technician typed for a test without an analyser (manual tests, microscopy,
/// rapid tests): a number for numeric tests (decimal comma or point, as typed in Vietnam), one of
/// the catalog's values for coded tests, any text up to 200 characters otherwise; flagged like
/// analyser values (<see cref="ResultFlagging"/>; a coded value other than the normal one is
/// Abnormal). Returns a Vietnamese message when the value cannot be stored.
/// </summary>
public static class ManualResultValue
{
    public const int MaxLength = 200;

    public static (ManualValue? Value, string? Error) Read(LabTest test, LabReferenceRange? range, string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return (null, $"Chưa nhập kết quả {test.Name}.");
        if (text.Length > MaxLength) return (null, $"Kết quả {test.Name} dài quá {MaxLength} ký tự.");
        var rangeText = ResultFlagging.RangeText(range);
        switch (test.ResultType)
        {
            case LabResultType.Numeric:
                if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    return (null, $"Kết quả {test.Name} phải là số (ví dụ 5,6), không phải \"{text}\".");
                return (new ManualValue(text, number, ResultFlagging.Flag(range, number), rangeText), null);
            case LabResultType.Coded:
                var allowed = (test.CodedValues ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.CurrentCultureIgnoreCase));
                if (allowed.Length > 0 && match is null)
                    return (null, $"Kết quả {test.Name} phải là một trong: {string.Join(", ", allowed)}.");
                var value = match ?? text;
                return (new ManualValue(value, null, TextFlag(range, value), rangeText), null);
            default:
                return (new ManualValue(text, null, TextFlag(range, text), rangeText), null);
        }
    }

    private static ResultFlag TextFlag(LabReferenceRange? range, string value) =>
        range?.NormalText is { Length: > 0 } normal && !string.Equals(normal, value, StringComparison.CurrentCultureIgnoreCase)
            ? ResultFlag.Abnormal : ResultFlag.None;
}
