using System.Globalization;
using Hospital.Domain.Common;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>What every form prints besides its own content: the facility, the document's number and version, and who signs when.</summary>
public sealed record DocumentHeader(
    string ParentAuthority, string FacilityName, string FacilityCode, string? FacilityAddress,
    string DocumentNumber, int Version, string SignerName, string? SignerTitle, DateTime SignedAtUtc, string? CorrectionReason = null)
{
    public string Marking => $"Bản điện tử – số {DocumentNumber} – phiên bản {Version}";

    public string[] LeftHeading => [ParentAuthority.ToUpperInvariant(), FacilityName.ToUpperInvariant(), $"Mã CSKCB: {FacilityCode}"];

    public static readonly string[] Motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    public DateTime SignedAtLocal => VietnamCalendar.ToLocal(SignedAtUtc);

    public string DateLine(string? place = null) =>
        $"{(place is { Length: > 0 } ? place + ", " : "")}ngày {SignedAtLocal:dd} tháng {SignedAtLocal:MM} năm {SignedAtLocal:yyyy}";

    public static string Time(DateTime? utc) =>
        utc is { } t ? VietnamCalendar.ToLocal(t).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
