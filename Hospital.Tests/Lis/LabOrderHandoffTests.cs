using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Outbox;
using Hospital.Tests.Infrastructure;
using Hospital.Lis.Specimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Orders.OrdersTestKit;

namespace Hospital.Tests.Lis;

/// <summary>The EMR's lab orders reaching the LIS through the outbox: specimens by tube with barcodes, once.</summary>
public sealed class LabOrderHandoffTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_blood_count_chemistry_and_coagulation_request_becomes_one_barcoded_tube_per_type(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var ordered = await OrderServicesAsync(app, visitId, BloodCount, Glucose, Creatinine, Prothrombin);
        Assert.Equal(1, await DeliverAsync(app));

        await using var db = app.Database.NewContext();
        var order = await db.Set<LabOrder>().Include(o => o.Specimens).ThenInclude(s => s.Tests).SingleAsync();
        Assert.Equal((ordered.RequestNumber, visitId, LabOrderSource.Emr), (order.RequestNumber, order.VisitId, order.Source));
        Assert.Equal([SpecimenType.WholeBloodEdta, SpecimenType.PlasmaCitrate, SpecimenType.Serum], order.Specimens.OrderBy(s => s.SpecimenType).Select(s => s.SpecimenType));
        var tubes = order.Specimens.ToDictionary(s => s.SpecimenType);
        Assert.Equal(20, tubes[SpecimenType.WholeBloodEdta].Tests.Count);
        Assert.Equal(["SH-CREA", "SH-GLU"], tubes[SpecimenType.Serum].Tests.Select(t => t.TestCode).Order());
        Assert.Equal(["DM-INR", "DM-PT", "DM-PTP"], tubes[SpecimenType.PlasmaCitrate].Tests.Select(t => t.TestCode).Order());
        Assert.All(order.Specimens.SelectMany(s => s.Tests), t => Assert.Equal(LabTestStatus.Ordered, t.Status));

        // Barcodes: distinct, from the sequence, default pattern {yy}{seq:8}.
        var yy = (DateTime.UtcNow.AddHours(7).Year % 100).ToString("D2");
        Assert.All(order.Specimens, s => Assert.Matches($"^{yy}\\d{{8}}$", s.Barcode));
        Assert.Equal(3, order.Specimens.Select(s => s.Barcode).Distinct().Count());

        // Each test knows the EMR order it answers (for the release of results).
        var orders = await db.Set<ServiceOrder>().Where(o => ordered.OrderIds.Contains(o.Id)).ToDictionaryAsync(o => o.ServiceCode, o => o.Id);
        Assert.All(tubes[SpecimenType.WholeBloodEdta].Tests, t => Assert.Equal(orders[BloodCount], t.ServiceOrderId));
        Assert.Equal(orders[Glucose], tubes[SpecimenType.Serum].Tests.Single(t => t.TestCode == "SH-GLU").ServiceOrderId);
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Type == LabOrderHandoff.OrderPlacedType);
        Assert.Equal(OutboxState.Sent, message.State);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_same_message_handled_twice_creates_nothing_twice(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        await OrderServicesAsync(app, visitId, BloodCount, Glucose);
        await DeliverAsync(app);
        var once = await CountLabAsync(app);
        Assert.Equal(new LabCounts(1, 2, 21), once);

        OutboxMessage message;
        await using (var db = app.Database.NewContext())
            message = await db.Set<OutboxMessage>().SingleAsync(m => m.Type == LabOrderHandoff.OrderPlacedType);
        await HandleAgainAsync(app, message);
        await HandleAgainAsync(app, message);
        Assert.Equal(once, await CountLabAsync(app));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cancelled_orders_are_left_out_and_a_service_without_tests_fails_the_request_for_good(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var ordered = await OrderServicesAsync(app, visitId, BloodCount, Glucose);
        await using (var db = app.Database.NewContext())
        {
            var glucose = await db.Set<ServiceOrder>().SingleAsync(o => ordered.OrderIds.Contains(o.Id) && o.ServiceCode == Glucose);
            Assert.Null(await CancelAsync(app, visitId, glucose.Id, "Bệnh nhân đã làm sáng nay"));
        }
        await DeliverAsync(app);
        Assert.Equal(new LabCounts(1, 1, 20), await CountLabAsync(app));

        // A lab service the lab catalog does not know: nothing stored, the message failed with the reason.
        var unknown = await ServiceAsync(app);
        var second = await OrderAsync(app, new Emr.Orders.OrderRequest(visitId, [unknown.Id]));
        Assert.True(second.Ok);
        await DeliverAsync(app);
        Assert.Equal(new LabCounts(1, 1, 20), await CountLabAsync(app));
        await using var check = app.Database.NewContext();
        var failed = await check.Set<OutboxMessage>().SingleAsync(m => m.Type == LabOrderHandoff.OrderPlacedType && m.State == OutboxState.FailedPermanently);
        Assert.Contains("chưa được khai báo xét nghiệm thành phần", failed.LastError);
        Assert.Contains(unknown.Code, failed.LastError);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_order_cancelled_after_labelling_is_cancelled_when_its_tube_is_received(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var ordered = await OrderServicesAsync(app, visitId, Glucose, Creatinine);
        await DeliverAsync(app);
        await using (var db = app.Database.NewContext())
        {
            var glucose = await db.Set<ServiceOrder>().SingleAsync(o => ordered.OrderIds.Contains(o.Id) && o.ServiceCode == Glucose);
            Assert.Null(await CancelAsync(app, visitId, glucose.Id, "Bác sĩ rút chỉ định"));
        }
        string barcode;
        await using (var db = app.Database.NewContext())
            barcode = await db.Set<Specimen>().Select(s => s.Barcode).SingleAsync();

        using var scope = app.Services.CreateScope();
        var receipt = scope.ServiceProvider.GetRequiredService<SpecimenReceipt>();
        var result = await receipt.ReceiveAsync(barcode);
        Assert.Equal([("SH-CREA", LabTestStatus.Received), ("SH-GLU", LabTestStatus.Cancelled)],
            result.Tests.Select(t => (t.Code, t.Status)).OrderBy(t => t.Code));
        await using var check = app.Database.NewContext();
        Assert.Equal(LabTestStatus.Cancelled, await check.Set<LabOrderTest>().Where(t => t.TestCode == "SH-GLU").Select(t => t.Status).SingleAsync());
    }
}
