using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Audit;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Queues;

/// <summary>Call next, skip, recall and start exam on real databases, with the audit interceptor on.</summary>
public sealed class QueueCallsTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Priority_tickets_are_called_first_then_by_number(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        var room = await QueueTestKit.AddRoomAsync(db, "PK01");
        var a = await QueueTestKit.AddTicketAsync(db, room, Day, "Trần Văn A");                               // 1
        var b = await QueueTestKit.AddTicketAsync(db, room, Day, "Lê Thị B", PriorityGroup.Aged75);          // 2
        var c = await QueueTestKit.AddTicketAsync(db, room, Day, "Phạm Văn C");                              // 3
        var d = await QueueTestKit.AddTicketAsync(db, room, Day, "Hoàng Văn D", PriorityGroup.Emergency);    // 4
        var e = await QueueTestKit.AddTicketAsync(db, room, Day, "Võ Bé E", PriorityGroup.ChildUnder6);      // 5
        var calls = new QueueCalls(db, TimeProvider.System);

        var order = new List<int>();
        while (await calls.CallNextAsync(room.Id, Day, "doctor") is { } t) order.Add(t.Number);

        Assert.Equal([d.Number, b.Number, e.Number, a.Number, c.Number], order);
        Assert.Equal([4, 2, 5, 1, 3], order);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Calling_next_moves_the_callers_previous_patient_into_the_exam(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        var room = await QueueTestKit.AddRoomAsync(db, "PK01");
        var first = await QueueTestKit.AddTicketAsync(db, room, Day, "Trần Văn A");
        var second = await QueueTestKit.AddTicketAsync(db, room, Day, "Lê Thị B");
        var third = await QueueTestKit.AddTicketAsync(db, room, Day, "Phạm Văn C");
        var calls = new QueueCalls(db, TimeProvider.System);

        var called = await calls.CallNextAsync(room.Id, Day, "doctor");
        Assert.Equal(first.Id, called!.Id);
        Assert.Equal(1, called.CallCount);
        Assert.Equal("doctor", called.CalledBy);
        Assert.NotNull(called.CalledAt);

        // Another doctor sharing the room calls: the first doctor's patient stays "called".
        await calls.CallNextAsync(room.Id, Day, "doctor2");
        await calls.CallNextAsync(room.Id, Day, "doctor");

        await using var check = audited.Database.NewContext();
        var t1 = await QueueTestKit.LoadAsync(check, first.Id);
        Assert.Equal(TicketStatus.InExam, t1.Status);
        Assert.Equal(VisitStatus.InExam, t1.Visit!.Status);
        Assert.Equal(TicketStatus.Called, (await QueueTestKit.LoadAsync(check, second.Id)).Status);
        Assert.Equal(TicketStatus.Called, (await QueueTestKit.LoadAsync(check, third.Id)).Status);
        // Every change is in the audit trail.
        var audit = await audited.EntriesAsync();
        Assert.Contains(audit, x => x.Entity == "QueueTicket" && x.EntityKey == first.Id.ToString() && x.Action == "Update" && x.Changes != null && x.Changes.Contains("\"Status\""));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_skipped_ticket_leaves_the_call_order_and_can_be_recalled(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        var room = await QueueTestKit.AddRoomAsync(db, "PK01");
        var first = await QueueTestKit.AddTicketAsync(db, room, Day, "Trần Văn A");
        var second = await QueueTestKit.AddTicketAsync(db, room, Day, "Lê Thị B");
        var calls = new QueueCalls(db, TimeProvider.System);

        await calls.CallNextAsync(room.Id, Day, "doctor");
        var skipped = await calls.SkipAsync(first.Id);
        Assert.Equal(TicketStatus.Skipped, skipped.Status);
        var next = await calls.CallNextAsync(room.Id, Day, "doctor");
        Assert.Equal(second.Id, next!.Id);
        // Nobody else waits: the skipped patient is not called automatically.
        Assert.Null(await calls.CallNextAsync(room.Id, Day, "doctor"));

        var recalled = await calls.RecallAsync(first.Id, "doctor");
        Assert.Equal(TicketStatus.Called, recalled.Status);
        Assert.Equal(2, recalled.CallCount);
        var again = await calls.RecallAsync(first.Id, "doctor");
        Assert.Equal(3, again.CallCount);

        var started = await calls.StartExamAsync(first.Id);
        Assert.Equal(TicketStatus.InExam, started.Status);
        await using var check = audited.Database.NewContext();
        Assert.Equal(VisitStatus.InExam, (await QueueTestKit.LoadAsync(check, first.Id)).Visit!.Status);

        // A ticket in the exam room cannot be skipped: a clear Vietnamese message, nothing changed.
        var error = await Assert.ThrowsAsync<DomainException>(() => calls.SkipAsync(first.Id));
        Assert.Equal($"Số {first.Number} đang ở trạng thái \"Đang khám\" nên không thể bỏ qua.", error.Message);
        Assert.Equal(TicketStatus.InExam, (await QueueTestKit.LoadAsync(check, first.Id)).Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Queue_list_reads_waiting_in_call_order_then_called_skipped_done(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        var room = await QueueTestKit.AddRoomAsync(db, "PK01");
        for (var i = 0; i < 5; i++) await QueueTestKit.AddTicketAsync(db, room, Day, $"Bệnh nhân {i + 1}");
        await QueueTestKit.AddTicketAsync(db, room, Day, "Cụ Bảy", PriorityGroup.Aged75); // number 6
        var calls = new QueueCalls(db, TimeProvider.System);
        await calls.CallNextAsync(room.Id, Day, "doctor");               // 6
        var two = await calls.CallNextAsync(room.Id, Day, "doctor");      // 1; 6 → in exam
        await calls.SkipAsync(two!.Id);                                   // 1 skipped
        await calls.CallNextAsync(room.Id, Day, "doctor");               // 2 called

        var list = await QueueList.LoadAsync(db, room.Id, Day);
        Assert.Equal([3, 4, 5, 2, 6, 1], list.Select(x => x.Number));
        Assert.Equal([TicketStatus.Waiting, TicketStatus.Waiting, TicketStatus.Waiting, TicketStatus.Called, TicketStatus.InExam, TicketStatus.Skipped],
            list.Select(x => x.Status));
        Assert.Equal("Bệnh nhân 3", list[0].PatientName);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_doctors_calling_at_once_never_get_the_same_ticket(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        Domain.Catalog.Room room;
        await using (var db = audited.NewContext())
        {
            room = await QueueTestKit.AddRoomAsync(db, "PK01");
            for (var i = 0; i < 12; i++) await QueueTestKit.AddTicketAsync(db, room, Day, $"Bệnh nhân {i + 1}");
        }

        // 8 desks press "call next" together, twice each: 16 presses for 12 tickets.
        var start = new TaskCompletionSource();
        var presses = Enumerable.Range(0, 8).Select(desk => Task.Run(async () =>
        {
            await start.Task;
            var got = new List<int>();
            for (var round = 0; round < 2; round++)
            {
                await using var db = audited.NewContext();
                if (await new QueueCalls(db, TimeProvider.System).CallNextAsync(room.Id, Day, $"doctor{desk}") is { } t) got.Add(t.Id);
            }
            return got;
        })).ToList();
        start.SetResult();
        var results = (await Task.WhenAll(presses)).SelectMany(x => x).ToList();

        Assert.Equal(12, results.Count);
        Assert.Equal(12, results.Distinct().Count());
        await using var check = audited.Database.NewContext();
        var tickets = await check.Set<QueueTicket>().AsNoTracking().Where(t => t.RoomId == room.Id).ToListAsync();
        Assert.All(tickets, t => Assert.Equal(1, t.CallCount));
        Assert.DoesNotContain(tickets, t => t.Status == TicketStatus.Waiting);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Queue_version_changes_on_every_queue_change(DatabaseProvider provider)
    {
        await using var audited = await AuditedDatabase.CreateAsync(provider);
        await using var db = audited.NewContext();
        var room = await QueueTestKit.AddRoomAsync(db, "PK01");
        var seen = new List<string> { await QueueVersions.ReadAsync(db, [room.Id], Day) };
        async Task Step(Func<Task> change)
        {
            await change();
            var v = await QueueVersions.ReadAsync(db, [room.Id], Day);
            Assert.DoesNotContain(v, seen);
            seen.Add(v);
        }
        var calls = new QueueCalls(db, TimeProvider.System);
        QueueTicket? t1 = null, t2 = null;
        await Step(async () => t1 = await QueueTestKit.AddTicketAsync(db, room, Day, "A"));
        await Step(async () => t2 = await QueueTestKit.AddTicketAsync(db, room, Day, "B"));
        await Step(() => calls.CallNextAsync(room.Id, Day, "doctor"));
        await Step(() => calls.SkipAsync(t1!.Id));
        await Step(() => calls.RecallAsync(t1!.Id, "doctor"));
        await Step(() => calls.RecallAsync(t1!.Id, "doctor"));
        await Step(() => calls.CallNextAsync(room.Id, Day, "doctor"));
        await Step(() => calls.StartExamAsync(t2!.Id));
    }
}
