using System.Globalization;

namespace Hospital.Integration.Astm.Records;

/// <summary>LIS2-A2 / E1394 dates and times: <c>YYYYMMDD[HHMM[SS]]</c>, in the instrument's local time (no zone on the wire).</summary>
public static class AstmDateTime
{
    private static readonly string[] Formats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMdd"];

    public static bool TryParse(string? value, out DateTime dateTime) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out dateTime);

    /// <summary>The value as a date, null when empty; a present but unreadable value throws.</summary>
    /// <exception cref="AstmFormatException">not one of the E1394 date forms.</exception>
    public static DateTime? ParseOptional(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (TryParse(value, out var dt)) return dt;
        throw new AstmFormatException($"{what} \"{value}\" is not an E1394 date/time (YYYYMMDD[HHMM[SS]])");
    }

    public static string Format(DateTime value) => value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
