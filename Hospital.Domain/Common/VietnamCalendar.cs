namespace Hospital.Domain.Common;

/// <summary>
/// The hospital's time zone (Asia/Ho_Chi_Minh): times are stored in UTC and shown, and days
/// counted, in local time (DESIGN.md "Data"); queues, tickets and visit dates are per local day.
/// The web layer's VietnamTime formats on top of this. Vietnam has kept UTC+7 without daylight
/// saving since 1975, so a fixed offset stands in where tzdata is missing.
/// </summary>
public static class VietnamCalendar
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
    }
}
