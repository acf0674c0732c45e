using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Visits;

public sealed class VisitCancellationTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cancelling_before_any_service_voids_visit_ticket_and_exam_fee_with_the_reason(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var patient = await PatientAsync(app);
        var visit = (await RegisterAsync(app, new VisitRequest { PatientId = patient.Id, Kind = VisitKind.Fee, RoomId = room.Id })).Visit!;

        var noReason = await CancelAsync(app, visit.Id, "  ");
        Assert.Equal((false, "Nhập lý do hủy lượt khám."), (noReason.Cancelled, noReason.Error));

        var done = await CancelAsync(app, visit.Id, "Người bệnh về, không chờ khám");
        Assert.True(done.Cancelled, done.Error);

        await using var db = app.Database.NewContext();
        var v = await db.Set<Visit>().SingleAsync(x => x.Id == visit.Id);
        Assert.Equal((VisitStatus.Cancelled, "Người bệnh về, không chờ khám"), (v.Status, v.VoidReason));
        Assert.NotNull(v.VoidedAt);
        Assert.Equal(TicketStatus.Cancelled, (await db.Set<QueueTicket>().SingleAsync(t => t.VisitId == visit.Id)).Status);
        var fee = await db.Set<Charge>().SingleAsync(c => c.VisitId == visit.Id);
        Assert.Equal("Người bệnh về, không chờ khám", fee.VoidReason);
        Assert.NotNull(fee.VoidedAt);
        // Nothing is deleted, and the change is audited.
        Assert.True(await db.Set<Hospital.Domain.Audit.AuditEntry>().AnyAsync(a => a.Entity == nameof(Visit) && a.Action == Hospital.Domain.Audit.AuditAction.Void && a.EntityKey == visit.Id.ToString()));

        var twice = await CancelAsync(app, visit.Id, "lần nữa");
        Assert.False(twice.Cancelled);
        Assert.Contains("đã được hủy trước đó", twice.Error);
        Assert.True((await CancelAsync(app, 99999, "x")).NotFound);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_visit_with_a_service_done_or_ordered_or_in_exam_cannot_be_cancelled(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var room = await RoomAsync(app);
        var performed = (await RegisterAsync(app, new VisitRequest { PatientId = (await PatientAsync(app)).Id, Kind = VisitKind.Fee, RoomId = room.Id })).Visit!;
        var ordered = (await RegisterAsync(app, new VisitRequest { PatientId = (await PatientAsync(app)).Id, Kind = VisitKind.Fee, RoomId = room.Id })).Visit!;
        var inExam = (await RegisterAsync(app, new VisitRequest { PatientId = (await PatientAsync(app)).Id, Kind = VisitKind.Fee, RoomId = room.Id })).Visit!;
        await using (var db = app.Database.NewContext())
        {
            await db.Set<Charge>().Where(c => c.VisitId == performed.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PerformedAt, DateTime.UtcNow));
            db.Add(new Charge
            {
                VisitId = ordered.Id, ItemKind = ChargeItemKind.Service, ItemCode = "22.0121.1369", ItemName = "Tổng phân tích tế bào máu ngoại vi",
                Unit = "Lần", CostGroup = BhytCostGroup.Lab, Quantity = 1, UnitPrice = 46_200, OrderedBy = "doctor", OrderedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            await db.Set<Visit>().Where(v => v.Id == inExam.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.InExam));
        }

        Assert.Contains("đã thực hiện Khám Nội", (await CancelAsync(app, performed.Id, "x")).Error);
        Assert.Contains("đã có chỉ định Tổng phân tích tế bào máu ngoại vi", (await CancelAsync(app, ordered.Id, "x")).Error);
        Assert.Contains("người bệnh đã vào khám", (await CancelAsync(app, inExam.Id, "x")).Error);

        await using var check = app.Database.NewContext();
        Assert.False(await check.Set<Visit>().AnyAsync(v => v.VoidedAt != null));
        Assert.False(await check.Set<Charge>().AnyAsync(c => c.VoidedAt != null));
        Assert.False(await check.Set<QueueTicket>().AnyAsync(t => t.Status == TicketStatus.Cancelled));
    }
}
