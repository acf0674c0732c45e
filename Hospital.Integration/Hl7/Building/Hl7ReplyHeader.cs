using System.Globalization;

namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// Who we are and when, for the MSH of messages we send. Replies echo the sender's MSH-3/4 into
/// MSH-5/6 and keep its delimiters, version, MSH-16 and charset (Mindray checks them, spec §3.3).
/// </summary>
public sealed record Hl7ReplyHeader
{
    public string SendingApplication { get; init; } = "";
    public string SendingFacility { get; init; } = "";
    /// <summary>MSH-10 of the reply; null echoes the received MSH-10 as Mindray's manual shows.</summary>
    public string? ControlId { get; init; }
    /// <summary>MSH-7; null is now (local time, as HL7 timestamps without offset are read).</summary>
    public DateTimeOffset? Time { get; init; }

    public static readonly Hl7ReplyHeader Default = new();

    internal string Timestamp => Hl7Timestamp.Format(Time ?? DateTimeOffset.Now);
}

/// <summary>HL7 DTM values (HL7 v2.5 ch. 2 §2.A.22): YYYYMMDDHHMMSS.</summary>
public static class Hl7Timestamp
{
    public static string Format(DateTimeOffset time) => time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>Reads YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]; null when the text is not a DTM.</summary>
    public static DateTimeOffset? TryParse(string? value, TimeSpan assumedOffset)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.AsSpan().Trim();
        var offset = assumedOffset;
        var sign = v.IndexOfAny('+', '-');
        if (sign >= 0)
        {
            var z = v[(sign + 1)..];
            if (z.Length != 4 || !int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)) return null;
            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (v[sign] == '-' ? -1 : 1);
            v = v[..sign];
        }
        var dot = v.IndexOf('.');
        var fraction = 0.0;
        if (dot >= 0)
        {
            if (!double.TryParse(string.Concat("0", v[dot..]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out fraction)) return null;
            v = v[..dot];
        }
        if (v.Length is not (4 or 6 or 8 or 10 or 12 or 14)) return null;
        foreach (var c in v) if (!char.IsAsciiDigit(c)) return null;
        var digits = v.ToString();
        int Part(int at, int fallback) => digits.Length > at ? int.Parse(digits.AsSpan(at, 2), CultureInfo.InvariantCulture) : fallback;
        try
        {
            var dt = new DateTime(int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture), Part(4, 1), Part(6, 1), Part(8, 0), Part(10, 0), Part(12, 0));
            return new DateTimeOffset(dt.AddSeconds(fraction), offset);
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
