using Hospital.Domain.Catalog;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Queues;

/// <summary>Tickets in the demo rooms of a started app, for today (Vietnam time) as the pages see it.</summary>
internal static class QueueWebKit
{
    public static DateOnly Today => DateOnly.FromDateTime(Hospital.Web.Platform.VietnamTime.ToLocal(DateTime.UtcNow));

    public static async Task<QueueTicket> AddTicketAsync(HospitalAppFactory app, string roomCode, string patientName,
        PriorityGroup priority = PriorityGroup.None, DateOnly? birthDate = null)
    {
        await using var db = app.Database.NewContext();
        var room = await db.Set<Room>().SingleAsync(r => r.Code == roomCode);
        return await QueueTestKit.AddTicketAsync(db, room, Today, patientName, priority, birthDate);
    }

    public static async Task<QueueTicket> LoadAsync(HospitalAppFactory app, int id)
    {
        await using var db = app.Database.NewContext();
        return await QueueTestKit.LoadAsync(db, id);
    }

    public static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user)
    {
        var s = app.NewSession();
        var r = await s.SignInAsync(user);
        if (!WebSession.IsRedirectTo(r, "/")) throw new InvalidOperationException($"{user} could not sign in");
        return s;
    }
}
