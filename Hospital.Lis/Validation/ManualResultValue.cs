using Hospital.Domain.Lab;
using Hospital.Lis.Results;

namespace Hospital.Lis.Validation;

/// <summary>
/// Checks a value a technician typed for a test without an analyser (manual tests, microscopy,
/// rapid tests) before it is stored like an analyser value (<see cref="LabResultDrafting"/>): a
/// number for numeric tests (decimal comma or point, as typed in Vietnam; "&lt;0.1" and "&gt;500" with
/// their qualifier), one of the catalog's values for coded tests (spelt as the catalog spells it),
/// any text up to 200 characters otherwise. Returns the value to store, or a Vietnamese message.
/// </summary>
public static class ManualResultValue
{
    public const int MaxLength = 200;

    public static (string? Value, string? Error) Read(LabTest test, string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return (null, $"Chưa nhập kết quả {test.Name}.");
        if (text.Length > MaxLength) return (null, $"Kết quả {test.Name} dài quá {MaxLength} ký tự.");
        switch (test.ResultType)
        {
            case LabResultType.Numeric:
                var number = text.Length > 1 && text[0] is '<' or '>' ? text[1..].TrimStart() : text;
                return LabValueReadings.ParseNumber(number) is null
                    ? (null, $"Kết quả {test.Name} phải là số (ví dụ 5,6), không phải \"{text}\".")
                    : (text, null);
            case LabResultType.Coded:
                var allowed = (test.CodedValues ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (allowed.Length == 0) return (text, null);
                var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.CurrentCultureIgnoreCase));
                return match is null ? (null, $"Kết quả {test.Name} phải là một trong: {string.Join(", ", allowed)}.") : (match, null);
            default:
                return (text, null);
        }
    }
}
