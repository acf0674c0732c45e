using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Visits;

public sealed class DemoVisitsTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Demo_exam_rooms_charge_their_exam_and_today_has_visits_in_the_queues(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?> { ["Demo:Visits"] = "20" });
        await using var db = app.Database.NewContext();

        var rooms = await db.Set<Room>().Where(r => r.Kind == RoomKind.ExamRoom)
            .Select(r => new { r.Code, Service = r.ExamService!.Code }).ToDictionaryAsync(r => r.Code, r => r.Service);
        Assert.Equal(DemoFacility.ExamServiceOfRoom, rooms);

        var today = VisitTestKit.Today;
        Assert.Equal(20, await db.Set<Visit>().CountAsync(v => v.VisitDate == today));
        Assert.Equal(20, await db.Set<QueueTicket>().CountAsync(t => t.ServiceDate == today && t.Status == TicketStatus.Waiting));
        Assert.True(await db.Set<Visit>().AnyAsync(v => v.Kind == VisitKind.Bhyt));
        Assert.True(await db.Set<Visit>().AnyAsync(v => v.Kind == VisitKind.Fee));
        var counts = await RoomWaitingCounts.ForDayAsync(db, today);
        Assert.Equal(20, counts.Sum(c => c.Waiting));
    }
}
