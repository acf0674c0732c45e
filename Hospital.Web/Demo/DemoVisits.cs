using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>
/// Registers demo visits for today through the real <see cref="VisitRegistration"/> (tickets,
/// exam fees, outbox messages and audit rows as at a real counter), on every start of a day that
/// has none yet, so the demo's queues, room picker and display boards are never empty.
/// Children go to the paediatric room; others are spread over the general rooms.
/// </summary>
public sealed class DemoVisits(HospitalDbContext db, VisitRegistration registration, TimeProvider clock, ILogger<DemoVisits> log)
{
    private static readonly string[] AdultRooms = ["PK01", "PK02", "PK03", "PK06", "PK01", "PK02"];
    private const string ChildRoom = "PK05";

    public async Task SeedTodayAsync(int count, CancellationToken ct)
    {
        if (count <= 0) return;
        var today = VietnamCalendar.Today(clock);
        if (await db.Set<Visit>().AnyAsync(v => v.VisitDate == today, ct)) return;

        var patients = await db.Set<Patient>().AsNoTracking().Include(p => p.BhytCards)
            .Where(p => p.VoidedAt == null && p.MergedIntoId == null)
            .OrderBy(p => p.Id).Take(count).ToListAsync(ct);
        var registered = 0;
        foreach (var (p, i) in patients.Select((p, i) => (p, i)))
        {
            var age = Domain.Patients.PatientAge.Years(p.DateOfBirth, p.BirthYear, today);
            var result = await registration.RegisterAsync(new VisitRequest
            {
                PatientId = p.Id,
                // Most patients come with their card; every seventh pays for the visit.
                Kind = VisitRegistration.WhyNoBhyt(p.BhytCards, today) is null && i % 7 != 3 ? VisitKind.Bhyt : VisitKind.Fee,
                RoomCode = age < 16 ? ChildRoom : AdultRooms[i % AdultRooms.Length],
                Reason = Reasons[i % Reasons.Length],
                Emergency = i % 25 == 24,
                CardPresentation = i % 3 == 0 ? CardPresentation.ChipCccd : CardPresentation.BhytCard,
            }, ct);
            if (result.Succeeded) registered++;
            else log.LogWarning("Demo visit for patient {PatientId} not registered: {Errors}", p.Id, string.Join("; ", result.Errors.Values));
        }
        log.LogInformation("Registered {Count} demo visits for {Day}", registered, today);
    }

    private static readonly string[] Reasons =
    [
        "Đau đầu, chóng mặt", "Ho, sốt 3 ngày", "Khám lại theo hẹn", "Đau bụng vùng thượng vị", "Tăng huyết áp, lấy thuốc",
        "Đau họng", "Đau lưng", "Tiểu đường type 2, tái khám", "Khó thở khi gắng sức", "Ngứa, nổi mẩn",
    ];
}
