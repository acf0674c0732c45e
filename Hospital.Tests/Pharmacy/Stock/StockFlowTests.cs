using Hospital.Domain.Data;
using System.Net;
using System.Text.Json;
using Hospital.Domain.Identity;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Stock;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Pharmacy.Stock;

/// <summary>Transfers, counts, write-offs and recalls as the pharmacy uses them, and GET /api/v1/stock, on both databases.</summary>
public sealed class StockFlowTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_transfer_issues_the_soonest_usable_lots_and_the_receiving_store_gets_the_same_lots(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH",
            kit.Line("TH0001", "LATE", 500, 100, 900), kit.Line("TH0001", "SOON", 60, 15, 800), kit.Line("TH0001", "MID", 200, 40, 850))).Succeeded);
        var (from, to) = (await kit.StoreIdAsync("KHO-CHINH"), await kit.StoreIdAsync("KHO-NGT"));
        var transfers = (Func<StockTransfers, Task<StockOutcome>> act) => kit.WithAsync(act);

        var request = await transfers(t => t.RequestAsync(from, to, [new TransferLineInput("th0001", 30)], "Dự trù tuần", StockTestKit.User));
        Assert.StartsWith($"PL{kit.Today.Year % 100:D2}-", request.Number);
        Assert.True((await transfers(t => t.ApproveAsync(request.Id!.Value, StockTestKit.User))).Succeeded);

        // Approved: off the main store's shelf, not yet in the dispensary.
        Assert.Equal(0m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "SOON"));
        Assert.Equal(25m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "MID"));
        Assert.Equal(100m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "LATE"));
        Assert.Equal(0m, await kit.OnHandAsync("KHO-NGT", "TH0001", "SOON"));
        Assert.Equal(["Phiếu " + request.Number + " đang ở trạng thái Đã xuất, chờ nhận: không duyệt được."],
            (await transfers(t => t.ApproveAsync(request.Id!.Value, StockTestKit.User))).Errors);
        Assert.False((await transfers(t => t.RefuseAsync(request.Id!.Value, "Hết hàng", StockTestKit.User))).Succeeded);

        Assert.True((await transfers(t => t.ReceiveAsync(request.Id!.Value, "nurse"))).Succeeded);
        Assert.Equal(15m, await kit.OnHandAsync("KHO-NGT", "TH0001", "SOON"));
        Assert.Equal(15m, await kit.OnHandAsync("KHO-NGT", "TH0001", "MID"));
        Assert.False((await transfers(t => t.ReceiveAsync(request.Id!.Value, "nurse"))).Succeeded);

        await using var db = app.Database.NewContext();
        var transfer = await db.Set<StockTransfer>().SingleAsync(t => t.Id == request.Id);
        Assert.Equal(StockTransferStatus.Received, transfer.Status);
        var ins = await db.Set<StockMovement>().Where(m => m.DocumentId == transfer.Id && m.Document == StockDocument.Transfer && m.Kind == StockMovementKind.TransferIn)
            .OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(15m, 800m), (15m, 850m)], ins.Select(m => (m.Quantity, m.UnitCost)));
        Assert.Equal(15m * 800 + 15m * 850, (await StockOnHand.RowsAsync(db, to)).Sum(r => r.Value));
        await kit.AssertLedgerAgreesAsync();
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_refused_request_keeps_its_reason_and_can_no_longer_be_approved(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        var (from, to) = (await kit.StoreIdAsync("KHO-CHINH"), await kit.StoreIdAsync("TU-HSCC"));
        var request = await kit.WithAsync<StockTransfers, StockOutcome>(t => t.RequestAsync(from, to, [new TransferLineInput("TH0002", 5)], null, "nurse"));
        Assert.Equal(["Nhập lý do từ chối."], (await kit.WithAsync<StockTransfers, StockOutcome>(t => t.RefuseAsync(request.Id!.Value, " ", StockTestKit.User))).Errors);
        Assert.True((await kit.WithAsync<StockTransfers, StockOutcome>(t => t.RefuseAsync(request.Id!.Value, "Tủ trực còn đủ cơ số", StockTestKit.User))).Succeeded);
        Assert.False((await kit.WithAsync<StockTransfers, StockOutcome>(t => t.ApproveAsync(request.Id!.Value, StockTestKit.User))).Succeeded);
        await using var db = app.Database.NewContext();
        var t = await db.Set<StockTransfer>().SingleAsync(x => x.Id == request.Id);
        Assert.Equal(StockTransferStatus.Refused, t.Status);
        Assert.Contains("Tủ trực còn đủ cơ số", t.Note);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_count_posts_differences_against_the_book_quantity_at_posting(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-NGT", kit.Line("TH0001", "K-1", 200, 30), kit.Line("TH0002", "K-2", 200, 10))).Succeeded);
        var store = await kit.StoreIdAsync("KHO-NGT");
        var count = await kit.WithAsync<StockCounts, StockOutcome>(c => c.OpenAsync(store, StockTestKit.User));
        Assert.False((await kit.WithAsync<StockCounts, StockOutcome>(c => c.OpenAsync(store, StockTestKit.User))).Succeeded);

        // 4 boxes of K-1 are dispensed while the count runs: the shelf then shows 26, and 25 are counted.
        var k1 = await kit.LotIdAsync("TH0001", "K-1");
        await using (var db = app.Database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var drug = await db.Set<DrugLot>().Where(l => l.Id == k1).Select(l => l.DrugId).SingleAsync();
            Assert.Null(await new StockLedger(db, TimeProvider.System).PostAsync(StockDocument.Dispensation, 1,
                [new StockEntry(store, k1, drug, StockMovementKind.Dispense, -4)], "pharmacist"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        List<StockCountLine> lines;
        await using (var db = app.Database.NewContext())
            lines = await db.Set<StockCountLine>().Where(l => l.CountId == count.Id).ToListAsync();
        var line1 = lines.Single(l => l.LotId == k1);
        var line2 = lines.Single(l => l.LotId != k1);
        var entries = new[] { new CountEntry(line1.Id, 25, "Rơi vỡ 1 viên"), new CountEntry(line2.Id, null, null) };
        Assert.Equal(["Còn 1 lô chưa nhập số lượng kiểm kê."],
            (await kit.WithAsync<StockCounts, StockOutcome>(c => c.SaveAsync(count.Id!.Value, entries, post: true, StockTestKit.User))).Errors);
        Assert.True((await kit.WithAsync<StockCounts, StockOutcome>(c => c.SaveAsync(count.Id!.Value, entries, post: false, StockTestKit.User))).Succeeded);

        var posted = await kit.WithAsync<StockCounts, StockOutcome>(c =>
            c.SaveAsync(count.Id!.Value, [new CountEntry(line2.Id, 12, "Nhập thiếu phiếu trước")], post: true, StockTestKit.User));

        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        Assert.Equal(25m, await kit.OnHandAsync("KHO-NGT", "TH0001", "K-1"));
        Assert.Equal(12m, await kit.OnHandAsync("KHO-NGT", "TH0002", "K-2"));
        await using (var db = app.Database.NewContext())
        {
            var adjustments = await db.Set<StockMovement>().Where(m => m.Document == StockDocument.Count && m.DocumentId == count.Id).OrderBy(m => m.Quantity).ToListAsync();
            Assert.Equal([(-1m, "Rơi vỡ 1 viên"), (2m, "Nhập thiếu phiếu trước")], adjustments.Select(m => (m.Quantity, m.Reason)));
            Assert.Equal(StockCountStatus.Posted, (await db.Set<StockCount>().SingleAsync(c => c.Id == count.Id)).Status);
        }
        Assert.False((await kit.WithAsync<StockCounts, StockOutcome>(c => c.SaveAsync(count.Id!.Value, [], post: true, StockTestKit.User))).Succeeded);
        await kit.AssertLedgerAgreesAsync();
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Write_offs_need_a_reason_never_exceed_on_hand_and_a_recalled_lot_is_skipped_then_disposed_of(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH", kit.Line("TH0001", "R-SOON", 90, 10), kit.Line("TH0001", "R-LATE", 300, 10))).Succeeded);
        var store = await kit.StoreIdAsync("KHO-CHINH");
        var soon = await kit.LotIdAsync("TH0001", "R-SOON");
        var writeOffs = (Func<StockWriteOffs, Task<StockOutcome>> act) => kit.WithAsync(act);
        var before = await kit.FootprintAsync();

        Assert.Equal(["Nhập lý do xuất."], (await writeOffs(w => w.RecordAsync(store, StockMovementKind.Loss, "", [new(soon, 1)], StockTestKit.User))).Errors);
        var tooMuch = await writeOffs(w => w.RecordAsync(store, StockMovementKind.Loss, "Vỡ", [new(soon, 11)], StockTestKit.User));
        Assert.Equal([$"Lô R-SOON ({await kit.DrugNameAsync("TH0001")}) tại kho KHO-CHINH chỉ còn 10 {await kit.UnitAsync("TH0001")}: không xuất được 11."], tooMuch.Errors);
        Assert.Equal(before, await kit.FootprintAsync());

        Assert.True((await writeOffs(w => w.RecallAsync(soon, "CV 123/QLD-CL thu hồi lô R-SOON", StockTestKit.User))).Succeeded);
        var request = await kit.WithAsync<StockTransfers, StockOutcome>(t => t.RequestAsync(store, store, [], null, "x"));
        Assert.False(request.Succeeded);
        var to = await kit.StoreIdAsync("KHO-NGT");
        request = await kit.WithAsync<StockTransfers, StockOutcome>(t => t.RequestAsync(store, to, [new TransferLineInput("TH0001", 5)], null, "x"));
        Assert.True((await kit.WithAsync<StockTransfers, StockOutcome>(t => t.ApproveAsync(request.Id!.Value, StockTestKit.User))).Succeeded);
        Assert.Equal(10m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "R-SOON"));
        Assert.Equal(5m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "R-LATE"));

        var disposal = await writeOffs(w => w.RecordAsync(store, StockMovementKind.Disposal, "Hủy lô thu hồi", [new(soon, 10)], StockTestKit.User));
        Assert.True(disposal.Succeeded);
        Assert.StartsWith($"PX{kit.Today.Year % 100:D2}-", disposal.Number);
        Assert.Equal(0m, await kit.OnHandAsync("KHO-CHINH", "TH0001", "R-SOON"));
        await kit.AssertLedgerAgreesAsync();
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_stock_api_lists_lots_with_stock_in_the_documented_shape(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var kit = new StockTestKit(app);
        Assert.True((await kit.ReceiveAsync("KHO-CHINH", kit.Line("TH0001", "API-1", 100, 12.5m), kit.Line("TH0002", "API-2", 100, 3))).Succeeded);
        Assert.True((await kit.ReceiveAsync("KHO-NGT", kit.Line("TH0001", "API-1", 100, 2))).Succeeded);
        // An integration key of the pharmacy (the demo key is the administrator's, who has no pharmacy access).
        const string key = "hk_test_pharmacy_key_0123456789abcdefghijklm";
        await using (var db = app.Database.NewContext())
        {
            db.Add(new ApiKey { Name = "Kho dược", Prefix = ApiKeySecret.PrefixOf(key), KeyHash = ApiKeySecret.Hash(key), Roles = Roles.Pharmacist, CreatedBy = "admin", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/stock")).RootElement;
        Assert.Equal(["items"], all.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, all.GetProperty("items").GetArrayLength());

        var one = JsonDocument.Parse(await client.GetStringAsync("/api/v1/stock?drugCode=TH0001&store=KHO-CHINH")).RootElement.GetProperty("items");
        var item = Assert.Single(one.EnumerateArray());
        Assert.Equal(["drugCode", "store", "lot", "expiry", "onHand"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TH0001", item.GetProperty("drugCode").GetString());
        Assert.Equal("KHO-CHINH", item.GetProperty("store").GetString());
        Assert.Equal("API-1", item.GetProperty("lot").GetString());
        Assert.Equal(kit.Today.AddDays(100).ToString("yyyy-MM-dd"), item.GetProperty("expiry").GetString());
        Assert.Equal(12.5m, item.GetProperty("onHand").GetDecimal());

        var unknown = await client.GetAsync("/api/v1/stock?store=KHO-XYZ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Không có kho mã 'KHO-XYZ'.", await unknown.Content.ReadAsStringAsync());
    }
}
