using System.Globalization;
using Hospital.Domain.Common;

namespace Hospital.Web.Platform;

/// <summary>
/// Times are stored in UTC and shown in Asia/Ho_Chi_Minh (DESIGN.md "Data"): the zone and day
/// arithmetic are <see cref="Hospital.Domain.Common.VietnamCalendar"/>'s; this adds the formats of
/// Vietnamese forms.
/// </summary>
public static class VietnamTime
{
    public static TimeZoneInfo Zone => VietnamCalendar.Zone;

    public static DateTime ToLocal(DateTime utc) => VietnamCalendar.ToLocal(utc);

    /// <summary>The first UTC instant of a Vietnamese calendar day.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => VietnamCalendar.Today(clock);

    /// <summary>dd/MM/yyyy HH:mm, the way Vietnamese forms write a time; empty for null.</summary>
    public static string Format(DateTime? utc) =>
        utc is null ? "" : ToLocal(utc.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy, the way Vietnamese forms write a date; empty for null.</summary>
    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
