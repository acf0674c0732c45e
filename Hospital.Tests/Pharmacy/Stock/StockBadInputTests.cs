using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Stock;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Pharmacy.Stock;

/// <summary>Issue 7 acceptance, bad input: each refused with its Vietnamese message and nothing stored, on both databases.</summary>
public sealed class StockBadInputTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_receipt_without_lot_or_expiry_or_with_an_expired_lot_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        var before = await kit.FootprintAsync();

        var outcome = await kit.ReceiveAsync("KHO-CHINH",
            kit.Line("TH0001", "GOOD-1", 365, 100),
            new ReceiptLineInput("TH0001", "  ", kit.Today.AddDays(200), 10, 500),
            new ReceiptLineInput("TH0002", "NOEXP-1", null, 10, 500),
            kit.Line("TH0003", "OLD-1", -1, 10));

        Assert.False(outcome.Succeeded);
        Assert.Contains("Dòng 2: Nhập số lô.", outcome.Errors);
        Assert.Contains("Dòng 3: Nhập hạn dùng.", outcome.Errors);
        Assert.Contains($"Dòng 4: Lô OLD-1 đã hết hạn dùng ({kit.Today.AddDays(-1):dd/MM/yyyy}): không nhập kho.", outcome.Errors);
        Assert.Equal(3, outcome.Errors.Count);
        Assert.Equal(before, await kit.FootprintAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_receipt_with_zero_quantity_an_unknown_drug_or_a_known_lot_with_another_expiry_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH", kit.Line("TH0001", "L-100", 300, 50))).Succeeded);
        var before = await kit.FootprintAsync();

        var outcome = await kit.ReceiveAsync("KHO-CHINH",
            kit.Line("TH0001", "L-100", 301, 5),
            kit.Line("TH0002", "L-200", 300, 0),
            kit.Line("XX9999", "L-300", 300, 5));

        Assert.Equal(
        [
            $"Dòng 1: Lô L-100 của {await kit.DrugNameAsync("TH0001")} đã có hạn dùng {kit.Today.AddDays(300):dd/MM/yyyy}, khác {kit.Today.AddDays(301):dd/MM/yyyy}: một lô chỉ có một hạn dùng.",
            "Dòng 2: Số lượng nhập phải lớn hơn 0.",
            "Dòng 3: Không có thuốc mã 'XX9999' trong danh mục.",
        ], outcome.Errors);
        Assert.Equal(before, await kit.FootprintAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_transfer_of_more_than_on_hand_is_refused_at_approval_and_takes_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH", kit.Line("TH0001", "T-1", 200, 30), kit.Line("TH0001", "T-2", 400, 20))).Succeeded);
        var from = await kit.StoreIdAsync("KHO-CHINH");
        var to = await kit.StoreIdAsync("KHO-NGT");
        var request = await kit.WithAsync<StockTransfers, StockOutcome>(t =>
            t.RequestAsync(from, to, [new TransferLineInput("TH0001", 60)], null, StockTestKit.User));
        Assert.True(request.Succeeded);
        var before = await kit.FootprintAsync();

        var approval = await kit.WithAsync<StockTransfers, StockOutcome>(t => t.ApproveAsync(request.Id!.Value, StockTestKit.User));

        var unit = await kit.UnitAsync("TH0001");
        Assert.Equal([$"Kho KHO-CHINH chỉ còn 50 {unit} {await kit.DrugNameAsync("TH0001")} dùng được: không đủ chuyển 60."], approval.Errors);
        Assert.Equal(before, await kit.FootprintAsync());
        Assert.Equal(30m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "T-1"));
        await using var db = app.Database.NewContext();
        Assert.Equal(StockTransferStatus.Requested, (await db.Set<StockTransfer>().SingleAsync(t => t.Id == request.Id)).Status);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_count_with_a_negative_quantity_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH", kit.Line("TH0001", "C-1", 200, 30), kit.Line("TH0002", "C-2", 200, 10))).Succeeded);
        var store = await kit.StoreIdAsync("KHO-CHINH");
        var count = await kit.WithAsync<StockCounts, StockOutcome>(c => c.OpenAsync(store, StockTestKit.User));
        Assert.True(count.Succeeded);
        await using var db = app.Database.NewContext();
        var lines = await db.Set<StockCountLine>().Where(l => l.CountId == count.Id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([30m, 10m], lines.Select(l => l.BookQuantity).Order().Reverse());
        var before = await kit.FootprintAsync();

        var posted = await kit.WithAsync<StockCounts, StockOutcome>(c => c.SaveAsync(count.Id!.Value,
            [new CountEntry(lines[0].Id, 28, "Vỡ"), new CountEntry(lines[1].Id, -1, null)], post: true, StockTestKit.User));

        Assert.Equal(["Số lượng kiểm kê không được âm."], posted.Errors);
        Assert.Equal(before, await kit.FootprintAsync());
        db.ChangeTracker.Clear();
        Assert.All(await db.Set<StockCountLine>().Where(l => l.CountId == count.Id).ToListAsync(), l => Assert.Null(l.CountedQuantity));
        Assert.Equal(StockCountStatus.Open, (await db.Set<StockCount>().SingleAsync(c => c.Id == count.Id)).Status);
    }
}
