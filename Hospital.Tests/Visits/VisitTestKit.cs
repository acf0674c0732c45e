using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Visits;

/// <summary>Patients, cards and rooms made for one test on the demo hospital, and row counts to prove nothing was stored.</summary>
internal static class VisitTestKit
{
    public static DateOnly Today => VietnamCalendar.Today(TimeProvider.System);

    /// <summary>A patient of the given age with an optional card (from → to) registered at <paramref name="cardFacility"/>.</summary>
    public static async Task<Patient> PatientAsync(HospitalAppFactory app, int age = 40, string? cardNumber = null,
        DateOnly? cardFrom = null, DateOnly? cardTo = null, string cardFacility = "37001")
    {
        await using var db = app.Database.NewContext();
        var born = Today.AddYears(-age).AddDays(-10);
        var code = "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var p = new Patient
        {
            Code = code,
            FullName = "Nguyễn Văn Thử " + code[^4..],
            SearchKey = "nguyen van thu " + code[^4..].ToLowerInvariant(),
            DateOfBirth = born,
            BirthYear = born.Year,
            Sex = Sex.Male,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "test",
        };
        if (cardNumber is not null)
            p.BhytCards.Add(new BhytCard
            {
                Number = cardNumber,
                SocialInsuranceNumber = cardNumber[5..],
                ValidFrom = cardFrom ?? Today.AddMonths(-6),
                ValidTo = cardTo ?? Today.AddMonths(6),
                RegisteredFacilityCode = cardFacility,
                CreatedAt = DateTime.UtcNow,
            });
        db.Add(p);
        await db.SaveChangesAsync();
        return p;
    }

    /// <summary>Many fee-paying patients at once (for the concurrency tests).</summary>
    public static async Task<List<int>> PatientsAsync(HospitalAppFactory app, int count)
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++) ids.Add((await PatientAsync(app, age: 20 + i)).Id);
        return ids;
    }

    /// <summary>A new exam room of the Khoa Khám bệnh charging <paramref name="examServiceCode"/> (null: none), so its queue starts at 1.</summary>
    public static async Task<Room> RoomAsync(HospitalAppFactory app, string? examServiceCode = "02.1896.1888", bool active = true)
    {
        await using var db = app.Database.NewContext();
        var room = new Room
        {
            Code = "TK" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            Name = "Phòng khám thử",
            DepartmentId = await db.Set<Department>().Where(d => d.Code == "KKB").Select(d => d.Id).SingleAsync(),
            Kind = RoomKind.ExamRoom,
            IsActive = active,
            ExamServiceId = examServiceCode is null ? null
                : await db.Set<MedicalService>().Where(s => s.Code == examServiceCode).Select(s => s.Id).SingleAsync(),
        };
        room.RefreshSearchKey();
        db.Add(room);
        await db.SaveChangesAsync();
        return room;
    }

    public static async Task<VisitRegistrationResult> RegisterAsync(HospitalAppFactory app, VisitRequest request)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<VisitRegistration>().RegisterAsync(request);
    }

    public static async Task<VisitCancellation.Result> CancelAsync(HospitalAppFactory app, int visitId, string? reason)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<VisitCancellation>().CancelAsync(visitId, reason);
    }

    public sealed record Counts(int Visits, int Tickets, int Charges, int Outbox, int Counters);

    public static async Task<Counts> CountAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return new Counts(
            await db.Set<Visit>().CountAsync(),
            await db.Set<QueueTicket>().CountAsync(),
            await db.Set<Charge>().CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(),
            await db.Set<QueueCounter>().CountAsync());
    }
}
