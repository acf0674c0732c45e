using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Visits;

/// <summary>
/// Issue 3 acceptance: 50 registrations to one room at once, on SQLite and PostgreSQL, give 50
/// visits with distinct consecutive ticket numbers and unique codes; none is lost.
/// </summary>
public sealed class VisitConcurrencyTests
{
    private const int Clerks = 50;

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Fifty_parallel_registrations_through_the_service_get_tickets_1_to_50(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var patients = await PatientsAsync(app, Clerks);

        // One gate for all: awaited, not blocked on, so 50 waiting clerks do not starve the thread pool.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = patients.Select(id => Task.Run(async () =>
        {
            await start.Task;
            return await RegisterAsync(app, new VisitRequest { PatientId = id, Kind = VisitKind.Fee, RoomId = room.Id });
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Values)));
        Assert.Equal(Enumerable.Range(1, Clerks), results.Select(r => r.Visit!.TicketNumber).Order());
        await AssertStoredAsync(app, room.Id);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Fifty_parallel_registrations_through_the_api_get_tickets_1_to_50(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var patients = await PatientsAsync(app, Clerks);
        using var clerk = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await clerk.SignInAsync("reception"), "/"));

        var responses = await Task.WhenAll(patients.Select(id => clerk.Client.PostAsJsonAsync("/api/v1/visits",
            new { patientId = id, kind = "fee", roomCode = room.Code, reason = "Khám tổng quát", emergency = false })));

        var bodies = new List<JsonElement>();
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            bodies.Add(await r.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.Equal(Enumerable.Range(1, Clerks), bodies.Select(b => b.GetProperty("ticketNumber").GetInt32()).Order());
        Assert.All(bodies, b => Assert.Equal(room.Code, b.GetProperty("roomCode").GetString()));
        Assert.Equal(Clerks, bodies.Select(b => b.GetProperty("maLk").GetString()).Distinct().Count());
        await AssertStoredAsync(app, room.Id);
    }

    private static async Task AssertStoredAsync(HospitalAppFactory app, int roomId)
    {
        await using var db = app.Database.NewContext();
        var visits = await db.Set<Visit>().Where(v => v.RoomId == roomId).ToListAsync();
        Assert.Equal(Clerks, visits.Count);
        Assert.Equal(Clerks, visits.Select(v => v.Code).Distinct().Count());
        Assert.Equal(Clerks, visits.Select(v => v.MaLk).Distinct().Count());
        var numbers = await db.Set<QueueTicket>().Where(t => t.RoomId == roomId).Select(t => t.Number).OrderBy(n => n).ToListAsync();
        Assert.Equal(Enumerable.Range(1, Clerks), numbers);
        Assert.Equal(Clerks, (await db.Set<QueueCounter>().SingleAsync(c => c.RoomId == roomId)).LastNumber);
        Assert.Equal(Clerks, await db.Set<Hospital.Domain.Billing.Charge>().CountAsync(c => visits.Select(v => v.Id).Contains(c.VisitId)));
    }
}
