using System.Globalization;

namespace Hospital.Web.Platform;

/// <summary>
/// Times are stored in UTC and shown in Asia/Ho_Chi_Minh (DESIGN.md "Data"). Vietnam has kept
/// UTC+7 without daylight saving since 1975, so a fixed offset stands in where tzdata is missing.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The first UTC instant of a Vietnamese calendar day.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>dd/MM/yyyy HH:mm, the way Vietnamese forms write a time; empty for null.</summary>
    public static string Format(DateTime? utc) =>
        utc is null ? "" : ToLocal(utc.Value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy, the way Vietnamese forms write a date; empty for null.</summary>
    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
    }
}
