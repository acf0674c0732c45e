using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Queues.Tickets;

/// <summary>Everything printed on a queue ticket (phiếu số thứ tự), read once for the HTML and the PDF layouts.</summary>
public sealed record Ticket(
    string FacilityName, string RoomCode, string RoomName, int Number, PriorityGroup Priority,
    string PatientName, string PatientCode, DateOnly? DateOfBirth, int BirthYear,
    string VisitCode, DateOnly ServiceDate, DateTime IssuedAt, VisitKind Kind);

/// <summary>The two paper sizes a reception desk prints on.</summary>
public enum TicketLayout { Thermal80mm, A5 }

public sealed class TicketData(HospitalDbContext db, FacilityProfile facility)
{
    /// <summary>The visit's current ticket (the latest one not cancelled), or null when the visit or its ticket does not exist.</summary>
    public async Task<Ticket?> LoadAsync(int visitId, CancellationToken ct)
    {
        var row = await db.Set<QueueTicket>().AsNoTracking()
            .Where(t => t.VisitId == visitId && t.Status != TicketStatus.Cancelled)
            .OrderByDescending(t => t.IssuedAt)
            .Select(t => new
            {
                RoomCode = t.Room!.Code, RoomName = t.Room.Name, t.Number, t.Priority, t.Visit!.Patient!.FullName,
                PatientCode = t.Visit.Patient.Code, t.Visit.Patient.DateOfBirth, t.Visit.Patient.BirthYear,
                VisitCode = t.Visit.Code, t.ServiceDate, t.IssuedAt, t.Visit.Kind,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var name = (await facility.GetAsync(ct))?.Name ?? "";
        return new Ticket(name, row.RoomCode, row.RoomName, row.Number, row.Priority, row.FullName, row.PatientCode,
            row.DateOfBirth, row.BirthYear, row.VisitCode, row.ServiceDate, row.IssuedAt, row.Kind);
    }

    public static TicketLayout ParseLayout(string? layout) =>
        string.Equals(layout, "a5", StringComparison.OrdinalIgnoreCase) ? TicketLayout.A5 : TicketLayout.Thermal80mm;

    /// <summary>The patient code as a QR code, for the HTML view.</summary>
    public static string PatientQrSvg(string patientCode) => Hospital.Web.Platform.Printing.QrCodes.Svg(patientCode);

    /// <summary>The same QR as dark/light modules (quiet zone included), for the PDF.</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> PatientQrModules(string patientCode) => Hospital.Web.Platform.Printing.QrCodes.Modules(patientCode);
}
