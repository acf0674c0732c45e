using System.Globalization;

namespace Hospital.Web.Features.LabValidation;

/// <summary>A test's auto-verification rule as read from the admin form.</summary>
public sealed record LabRuleValues(bool AutoVerify, decimal? DeltaLimitPercent, int DeltaWindowDays);

/// <summary>
/// Reads the admin's auto-verification form for one test: auto-verification on/off, the delta
/// limit in percent (empty = no delta check; more than 0, at most 1000; decimal comma or point)
/// and the window in days (1–3650). Returns Vietnamese messages by field; nothing is stored when
/// any field is wrong.
/// </summary>
public static class LabRuleInput
{
    public const decimal MaxLimit = 1000;
    public const int MaxWindowDays = 3650;

    public static (LabRuleValues? Values, Dictionary<string, string> Errors) Read(string? autoVerify, string? deltaLimit, string? windowDays)
    {
        var errors = new Dictionary<string, string>();
        decimal? limit = null;
        var limitText = deltaLimit?.Trim() ?? "";
        if (limitText.Length > 0)
        {
            if (!decimal.TryParse(limitText.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                errors["deltaLimit"] = "Ngưỡng thay đổi phải là số phần trăm, ví dụ 25.";
            else if (l <= 0 || l > MaxLimit)
                errors["deltaLimit"] = $"Ngưỡng thay đổi phải lớn hơn 0 và không quá {MaxLimit}%.";
            else limit = Math.Round(l, 2);
        }
        var windowText = windowDays?.Trim() ?? "";
        var window = 0;
        if (windowText.Length == 0) errors["windowDays"] = "Cần số ngày so sánh với kết quả trước.";
        else if (!int.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out window) || window < 1 || window > MaxWindowDays)
            errors["windowDays"] = $"Số ngày so sánh phải là số nguyên từ 1 đến {MaxWindowDays}.";
        var on = autoVerify is "on" or "true";
        return errors.Count > 0 ? (null, errors) : (new LabRuleValues(on, limit, window), errors);
    }
}
