using System.Globalization;

namespace Hospital.Web.Platform;

/// <summary>
/// Times are stored in UTC and shown in Vietnam time (DESIGN.md "Data"). Vietnam has kept UTC+7
/// without daylight saving since 1975, so the fixed offset is the fallback where the system has
/// no time-zone database.
/// </summary>
public static class HospitalTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>dd/MM/yyyy HH:mm:ss, as Vietnamese forms write dates.</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is null ? "" : Format(utc.Value);

    /// <summary>The UTC instant at which the local day <paramref name="day"/> begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
