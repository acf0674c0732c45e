using System.Text.Json;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Hospital.Emr.Orders;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Orders.OrdersTestKit;

namespace Hospital.Tests.Orders;

/// <summary>Ordering services and order sets from the exam: orders, charges, the BHYT check-in and the LIS handoff, together or not at all.</summary>
public sealed class ServiceOrderingTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_panel_on_a_bhyt_visit_orders_each_service_at_the_bhyt_price_under_one_request_and_queues_the_check_in_once(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app, VisitKind.Bhyt);
        var glucose = await ServiceAsync(app, price: 50_000, bhytPrice: 30_000);
        var urea = await ServiceAsync(app, price: 40_000, bhytPrice: 21_500);
        var xray = await ServiceAsync(app, BhytCostGroup.Imaging, price: 80_000, bhytPrice: 65_400);
        var uncovered = await ServiceAsync(app, price: 120_000, bhytPrice: null);
        var set = await OrderSetAsync(app, glucose, urea, uncovered);
        // The exam fee queued the check-in at registration; a visit whose first charge is an order
        // (stamp cleared here) must get exactly one more, however many services are ordered.
        Assert.Equal(1, await CheckInsAsync(app, visitId));
        await using (var db = app.Database.NewContext())
            await db.Set<Visit>().Where(v => v.Id == visitId).ExecuteUpdateAsync(s => s.SetProperty(v => v.CheckInQueuedAt, (DateTime?)null));

        var result = await OrderAsync(app, new OrderRequest(visitId, [xray.Id, glucose.Id], set.Id));

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(4, result.OrderIds.Count); // glucose picked and in the set: once
        await using var check = app.Database.NewContext();
        var orders = await check.Set<ServiceOrder>().Include(o => o.Charge).Where(o => o.VisitId == visitId).ToListAsync();
        Assert.Equal(4, orders.Count);
        Assert.All(orders, o => Assert.Equal(result.RequestNumber, o.RequestNumber));
        Assert.Matches(@"^\d{6}\d{5,}$", result.RequestNumber!);
        Assert.All(orders, o => Assert.Equal(OrderStatus.Ordered, o.Status));
        Assert.Equal(OrderKind.Imaging, orders.Single(o => o.ServiceId == xray.Id).Kind);
        Assert.Equal(OrderKind.Lab, orders.Single(o => o.ServiceId == urea.Id).Kind);
        Assert.Equal(set.Id, orders.Single(o => o.ServiceId == urea.Id).OrderSetId);
        Assert.Null(orders.Single(o => o.ServiceId == xray.Id).OrderSetId);
        Assert.Equal(30_000m, orders.Single(o => o.ServiceId == glucose.Id).Charge!.UnitPrice);
        Assert.Equal(21_500m, orders.Single(o => o.ServiceId == urea.Id).Charge!.BhytUnitPrice);
        Assert.Equal(65_400m, orders.Single(o => o.ServiceId == xray.Id).Charge!.UnitPrice);
        var outside = orders.Single(o => o.ServiceId == uncovered.Id).Charge!;
        Assert.Equal(120_000m, outside.UnitPrice);
        Assert.Null(outside.BhytUnitPrice);
        Assert.All(orders, o => Assert.Equal(OrderKindOf(o.Charge!.CostGroup), o.Kind));
        Assert.Equal(2, await CheckInsAsync(app, visitId));

        var lis = await check.Set<OutboxMessage>().Where(m => m.Type == LabOrderHandoff.OrderPlacedType).ToListAsync();
        var placed = JsonSerializer.Deserialize<LabOrdersPlaced>(Assert.Single(lis).Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(result.RequestNumber, placed.RequestNumber);
        Assert.Equal(orders.Where(o => o.Kind == OrderKind.Lab).Select(o => o.Id).Order(), placed.OrderIds.Order());

        // A second request: a new number, no further check-in, no LIS message for imaging only.
        var second = await OrderAsync(app, new OrderRequest(visitId, [await NewImagingAsync(app)]));
        Assert.True(second.Ok);
        Assert.NotEqual(result.RequestNumber, second.RequestNumber);
        Assert.Equal(2, await CheckInsAsync(app, visitId));
        Assert.Equal(1, await check.Set<OutboxMessage>().CountAsync(m => m.Type == LabOrderHandoff.OrderPlacedType));
    }

    private static OrderKind OrderKindOf(BhytCostGroup group) => ServiceOrder.KindOf(group);

    private static async Task<int> NewImagingAsync(HospitalAppFactory app) => (await ServiceAsync(app, BhytCostGroup.Imaging)).Id;

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_fee_visit_pays_the_hospital_price(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app, VisitKind.Fee);
        var glucose = await ServiceAsync(app, price: 50_000, bhytPrice: 30_000);

        var result = await OrderAsync(app, new OrderRequest(visitId, [glucose.Id]));

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        await using var db = app.Database.NewContext();
        var charge = await db.Set<Charge>().SingleAsync(c => c.VisitId == visitId && c.ServiceId == glucose.Id);
        Assert.Equal(50_000m, charge.UnitPrice);
        Assert.Null(charge.BhytUnitPrice);
        Assert.Equal(1, charge.Quantity);
        Assert.Equal(0, await CheckInsAsync(app, visitId)); // fee visits never check in
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_concluded_or_cancelled_visit_and_bad_services_are_refused_with_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var concluded = await VisitAsync(app);
        var cancelled = await VisitAsync(app);
        var open = await VisitAsync(app);
        var glucose = await ServiceAsync(app);
        var inactive = await ServiceAsync(app, active: false);
        await using (var db = app.Database.NewContext())
        {
            await db.Set<Visit>().Where(v => v.Id == concluded).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.Concluded));
            await db.Set<Visit>().Where(v => v.Id == cancelled).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.Cancelled));
        }
        var before = await CountAsync(app);

        Assert.Contains("đã kết thúc khám", Assert.Single((await OrderAsync(app, new OrderRequest(concluded, [glucose.Id]))).Errors));
        Assert.Contains("đã bị hủy", Assert.Single((await OrderAsync(app, new OrderRequest(cancelled, [glucose.Id]))).Errors));
        Assert.Contains("không còn hiệu lực", Assert.Single((await OrderAsync(app, new OrderRequest(open, [glucose.Id, inactive.Id]))).Errors));
        Assert.Contains("Không tìm thấy dịch vụ", Assert.Single((await OrderAsync(app, new OrderRequest(open, [glucose.Id, 987654]))).Errors));
        Assert.Contains("Không tìm thấy bộ chỉ định", Assert.Single((await OrderAsync(app, new OrderRequest(open, [], 987654))).Errors));
        Assert.NotEmpty((await OrderAsync(app, new OrderRequest(open, []))).Errors);
        Assert.NotEmpty((await OrderAsync(app, new OrderRequest(987654, [glucose.Id]))).Errors);
        await using (var db = app.Database.NewContext())
        {
            var exam = await db.Set<MedicalService>().Where(s => s.CostGroup == BhytCostGroup.Exam).Select(s => s.Id).FirstAsync();
            Assert.Contains("không chỉ định được", Assert.Single((await OrderAsync(app, new OrderRequest(open, [exam]))).Errors));
        }

        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ordering_an_active_service_again_asks_first_and_stores_it_once_confirmed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var glucose = await ServiceAsync(app);
        var urea = await ServiceAsync(app);
        Assert.True((await OrderAsync(app, new OrderRequest(visitId, [glucose.Id]))).Ok);
        var before = await CountAsync(app);

        var asked = await OrderAsync(app, new OrderRequest(visitId, [glucose.Id, urea.Id]));

        Assert.True(asked.NeedsConfirmation);
        Assert.Contains(glucose.Code, Assert.Single(asked.Duplicates));
        Assert.Equal(before, await CountAsync(app));
        var again = await OrderAsync(app, new OrderRequest(visitId, [glucose.Id, urea.Id], OrderAgain: true));
        Assert.True(again.Ok);
        await using var db = app.Database.NewContext();
        Assert.Equal(2, await db.Set<ServiceOrder>().CountAsync(o => o.VisitId == visitId && o.ServiceId == glucose.Id));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cancelling_voids_order_and_charge_together_and_a_performed_order_stays(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var glucose = await ServiceAsync(app);
        var xray = await ServiceAsync(app, BhytCostGroup.Imaging);
        var ids = (await OrderAsync(app, new OrderRequest(visitId, [glucose.Id, xray.Id]))).OrderIds;
        await using var db = app.Database.NewContext();
        var labId = await db.Set<ServiceOrder>().Where(o => ids.Contains(o.Id) && o.Kind == OrderKind.Lab).Select(o => o.Id).SingleAsync();
        var xrayId = ids.Single(i => i != labId);

        Assert.Equal("Nhập lý do hủy chỉ định.", await CancelAsync(app, visitId, labId, " "));
        Assert.Null(await CancelAsync(app, visitId, labId, "Chỉ định nhầm"));

        var order = await db.Set<ServiceOrder>().Include(o => o.Charge).SingleAsync(o => o.Id == labId);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("Chỉ định nhầm", order.VoidReason);
        Assert.NotNull(order.VoidedAt);
        Assert.NotNull(order.Charge!.VoidedAt);
        Assert.Equal("Chỉ định nhầm", order.Charge.VoidReason);
        Assert.Contains("đã được hủy", await CancelAsync(app, visitId, labId, "lần nữa"));
        // Once cancelled, the same service may be ordered again without a question.
        Assert.True((await OrderAsync(app, new OrderRequest(visitId, [glucose.Id]))).Ok);

        Assert.Null(await EnterTextAsync(app, xrayId, "Hai phế trường sáng.", "Chưa phát hiện bất thường"));
        Assert.Contains("đã thực hiện", await CancelAsync(app, visitId, xrayId, "Bệnh nhân về"));
        var performed = await db.Set<ServiceOrder>().Include(o => o.Charge).AsNoTracking().SingleAsync(o => o.Id == xrayId);
        Assert.Null(performed.VoidedAt);
        Assert.Null(performed.Charge!.VoidedAt);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Cancelling_is_refused_once_results_are_released_or_the_exam_is_concluded(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var cbc = await ServiceAsync(app);
        var glucose = await ServiceAsync(app);
        var ids = (await OrderAsync(app, new OrderRequest(visitId, [cbc.Id, glucose.Id]))).OrderIds;
        await using (var db = app.Database.NewContext())
        {
            await LabResultRelease.ReleaseAsync(db, ids[0], ["WBC", "HGB"], [new("WBC", "Bạch cầu", "7.2", "G/L", "4.0 - 10.0", ResultFlag.None, DateTime.UtcNow)],
                "labtech", null, TimeProvider.System);
            await db.SaveChangesAsync();
        }
        Assert.Contains("đã có kết quả", await CancelAsync(app, visitId, ids[0], "Không cần nữa"));

        await using (var db = app.Database.NewContext())
            await db.Set<Visit>().Where(v => v.Id == visitId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.Concluded));
        Assert.Contains("đã kết thúc khám", await CancelAsync(app, visitId, ids[1], "Không cần nữa"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_text_result_marks_the_order_and_its_charge_performed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var xray = await ServiceAsync(app, BhytCostGroup.Imaging);
        var lab = await ServiceAsync(app);
        var ids = (await OrderAsync(app, new OrderRequest(visitId, [xray.Id, lab.Id]))).OrderIds;

        Assert.Equal("Nhập kết luận.", await EnterTextAsync(app, ids[0], "Mô tả", " "));
        Assert.Contains("xét nghiệm", await EnterTextAsync(app, ids[1], null, "Bình thường"));
        Assert.Null(await EnterTextAsync(app, ids[0], "Bóng tim không to. Hai phế trường sáng.", "X-quang ngực bình thường"));
        Assert.Contains("đã có kết quả", await EnterTextAsync(app, ids[0], null, "Sửa"));

        await using var db = app.Database.NewContext();
        var order = await db.Set<ServiceOrder>().Include(o => o.Charge).SingleAsync(o => o.Id == ids[0]);
        Assert.Equal(OrderStatus.Performed, order.Status);
        Assert.Equal("X-quang ngực bình thường", order.ResultConclusion);
        Assert.Equal("Bóng tim không to. Hai phế trường sáng.", order.ResultText);
        Assert.NotNull(order.PerformedAt);
        Assert.Equal(order.PerformedAt, order.Charge!.PerformedAt);
    }
}
