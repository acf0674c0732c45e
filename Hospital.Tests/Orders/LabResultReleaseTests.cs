using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Emr.Orders;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Orders.OrdersTestKit;

namespace Hospital.Tests.Orders;

/// <summary>The LIS releasing validated values: history kept on a rerun, the order performed when every test has a value.</summary>
public sealed class LabResultReleaseTests
{
    private static readonly string[] BloodCount = ["WBC", "RBC", "HGB"];

    private static ReleasedValue V(string code, string value, ResultFlag flag = ResultFlag.None) =>
        new(code, code + " name", value, "G/L", "4.0 - 10.0", flag, DateTime.UtcNow, "Sysmex XN-550");

    private static async Task<LabReleaseOutcome> ReleaseAsync(HospitalAppFactory app, long orderId, params ReleasedValue[] values)
    {
        await using var db = app.Database.NewContext();
        var outcome = await LabResultRelease.ReleaseAsync(db, orderId, BloodCount, values, "labtech", null, TimeProvider.System);
        await db.SaveChangesAsync();
        return outcome;
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_rerun_supersedes_the_old_value_and_the_order_is_performed_when_every_test_has_one(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var cbc = await ServiceAsync(app);
        var orderId = (await OrderAsync(app, new OrderRequest(visitId, [cbc.Id]))).OrderIds.Single();

        var first = await ReleaseAsync(app, orderId, V("WBC", "12.5", ResultFlag.High), V("RBC", "4.6"));
        Assert.False(first.Performed);
        await using (var db = app.Database.NewContext())
            Assert.Equal(OrderStatus.InProgress, await db.Set<ServiceOrder>().Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync());

        var second = await ReleaseAsync(app, orderId, V("WBC", "9.1"), V("HGB", "135"));
        Assert.True(second.Performed);
        Assert.Equal(1, second.Superseded);

        await using var check = app.Database.NewContext();
        var results = await check.Set<ServiceResult>().Where(r => r.ServiceOrderId == orderId).ToListAsync();
        Assert.Equal(4, results.Count);
        var wbc = results.Where(r => r.TestCode == "WBC").OrderBy(r => r.Id).ToList();
        Assert.NotNull(wbc[0].SupersededAt);
        Assert.Equal("12.5", wbc[0].Value);
        Assert.Null(wbc[1].SupersededAt);
        Assert.Equal(["HGB", "RBC", "WBC"], results.Where(r => r.SupersededAt == null).Select(r => r.TestCode).Order());
        var order = await check.Set<ServiceOrder>().Include(o => o.Charge).SingleAsync(o => o.Id == orderId);
        Assert.Equal(OrderStatus.Performed, order.Status);
        Assert.Equal("labtech", order.PerformedBy);
        Assert.NotNull(order.Charge!.PerformedAt);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Results_for_a_cancelled_or_non_lab_order_or_without_values_are_refused(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitAsync(app);
        var cbc = await ServiceAsync(app);
        var xray = await ServiceAsync(app, Hospital.Domain.Catalog.BhytCostGroup.Imaging);
        var ids = (await OrderAsync(app, new OrderRequest(visitId, [cbc.Id, xray.Id]))).OrderIds;
        Assert.Null(await CancelAsync(app, visitId, ids[0], "Nhầm"));

        await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(app, ids[0], V("WBC", "7")));
        await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(app, ids[1], V("WBC", "7")));
        var other = (await OrderAsync(app, new OrderRequest(visitId, [cbc.Id]))).OrderIds.Single();
        await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(app, other, V("WBC", " ")));
        await Assert.ThrowsAsync<DomainException>(() => ReleaseAsync(app, other, V("WBC", "7"), V("wbc", "8")));
        Assert.Equal(0, (await CountAsync(app)).Results);
    }
}
