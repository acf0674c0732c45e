using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Pharmacy;

/// <summary>The one writer of stock, on each database: balances follow the ledger, and no decrement takes a lot below zero even when many race for it.</summary>
public sealed class StockLedgerTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Twenty_takers_of_a_lot_holding_ten_get_exactly_ten_and_the_ledger_agrees(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (store, lot, drug) = await StoreWithLotAsync(app, "LEDGER-1");
        Assert.Null(await PostAsync(app, new StockEntry(store, lot, drug, StockMovementKind.Receipt, 10, UnitCost: 350m)));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            PostAsync(app, new StockEntry(store, lot, drug, StockMovementKind.Dispense, -1)))));

        Assert.Equal(10, outcomes.Count(o => o is null));
        Assert.Equal(10, outcomes.Count(o => o is not null));
        await using var db = app.Database.NewContext();
        var balance = await db.Set<StockBalance>().SingleAsync(b => b.StoreId == store && b.LotId == lot);
        Assert.Equal(0m, balance.OnHand);
        Assert.Equal(11, await db.Set<StockMovement>().CountAsync(m => m.LotId == lot));
        Assert.All(await db.Set<StockMovement>().Where(m => m.LotId == lot).ToListAsync(), m => Assert.Equal(350m, m.UnitCost));
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_shortage_in_one_line_leaves_the_whole_document_unposted(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (store, lot, drug) = await StoreWithLotAsync(app, "LEDGER-2");
        Assert.Null(await PostAsync(app, new StockEntry(store, lot, drug, StockMovementKind.Receipt, 5.5m, UnitCost: 1000m)));

        var shortage = await PostAsync(app,
            new StockEntry(store, lot, drug, StockMovementKind.Dispense, -3),
            new StockEntry(store, lot, drug, StockMovementKind.Dispense, -3));

        Assert.Equal(new StockShortage(store, lot, drug, 3), shortage);
        await using var db = app.Database.NewContext();
        Assert.Equal(5.5m, (await db.Set<StockBalance>().SingleAsync(b => b.LotId == lot)).OnHand);
        Assert.Equal(1, await db.Set<StockMovement>().CountAsync(m => m.LotId == lot));
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    internal static async Task<(int Store, int Lot, int Drug)> StoreWithLotAsync(HospitalAppFactory app, string lotNumber, string drugCode = "TH0001")
    {
        await using var db = app.Database.NewContext();
        var drug = await db.Set<Drug>().SingleAsync(d => d.Code == drugCode);
        var store = new Store { Code = "K" + lotNumber, Name = "Kho thử " + lotNumber, Kind = StoreKind.Dispensary };
        store.RefreshSearchKey();
        var lot = new DrugLot { DrugId = drug.Id, LotNumber = lotNumber, Expiry = new DateOnly(2030, 1, 31), CreatedAt = DateTime.UtcNow };
        db.AddRange(store, lot);
        await db.SaveChangesAsync();
        return (store.Id, lot.Id, drug.Id);
    }

    /// <summary>Posts as a document would: own context, own transaction, saved and committed only without a shortage.</summary>
    private static async Task<StockShortage?> PostAsync(HospitalAppFactory app, params StockEntry[] entries)
    {
        await using var db = app.Database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var shortage = await new StockLedger(db, TimeProvider.System).PostAsync(StockDocument.Dispensation, 1, entries, "test");
        if (shortage is not null) { await tx.RollbackAsync(); return shortage; }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }
}
