using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Queues;

/// <summary>
/// Visits with queue tickets written straight through the context, as registration will write
/// them (ticket number from <see cref="QueueNumbers"/>), so queue tests do not depend on the
/// registration screens.
/// </summary>
internal static class QueueTestKit
{
    /// <summary>A clinical department with one exam room; returns the room.</summary>
    public static async Task<Room> AddRoomAsync(HospitalDbContext db, string code, string name = "Phòng khám Nội 1")
    {
        var dept = await db.Set<Department>().FirstOrDefaultAsync(d => d.Code == "KKB-T")
                   ?? new Department { Code = "KKB-T", Name = "Khoa Khám bệnh", BhytCode = "K01" };
        var room = new Room { Code = code, Name = name, Department = dept, Kind = RoomKind.ExamRoom };
        db.Add(room);
        await db.SaveChangesAsync();
        return room;
    }

    public static async Task<QueueTicket> AddTicketAsync(HospitalDbContext db, Room room, DateOnly day, string patientName,
        PriorityGroup priority = PriorityGroup.None, DateOnly? birthDate = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var patient = new Patient
        {
            Code = "BN" + suffix,
            FullName = patientName,
            SearchKey = Hospital.Domain.Text.VietnameseText.SearchKey(patientName),
            DateOfBirth = birthDate ?? new DateOnly(1980, 5, 17),
            BirthYear = (birthDate ?? new DateOnly(1980, 5, 17)).Year,
            Sex = Sex.Male,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "reception",
        };
        var visit = new Visit
        {
            Code = "KB" + suffix,
            MaLk = "LK" + suffix,
            Patient = patient,
            Kind = VisitKind.Fee,
            RegisteredAt = DateTime.UtcNow,
            RegisteredBy = "reception",
            VisitDate = day,
            Priority = priority,
            Emergency = priority == PriorityGroup.Emergency,
            DepartmentId = room.DepartmentId,
            RoomId = room.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var ticket = new QueueTicket
        {
            Visit = visit,
            RoomId = room.Id,
            ServiceDate = day,
            Number = await QueueNumbers.NextAsync(db, room.Id, day),
            Priority = priority,
            PriorityRank = QueuePriority.RankOf(priority),
            IssuedAt = DateTime.UtcNow,
        };
        db.Add(ticket);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return ticket;
    }

    public static async Task<QueueTicket> LoadAsync(HospitalDbContext db, int id) =>
        await db.Set<QueueTicket>().AsNoTracking().Include(t => t.Visit).SingleAsync(t => t.Id == id);
}
