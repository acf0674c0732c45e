using System.Globalization;

namespace Hospital.Web.Features.BillingReports;

/// <summary>The <c>month=yyyy-MM</c> parameter of the reports as a settlement period (NAM_QT × 100 + THANG_QT).</summary>
public static class ReportMonth
{
    /// <summary>The period, or null when the text is not a month from 2000 to 2099.</summary>
    public static int? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2099
            ? d.Year * 100 + d.Month
            : null;

    public static int Of(DateOnly day) => day.Year * 100 + day.Month;

    public static string Text(int period) => string.Format(CultureInfo.InvariantCulture, "{0}-{1:00}", period / 100, period % 100);
}
