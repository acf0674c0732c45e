using Hospital.Domain.Catalog;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Pharmacy.StockReports;

/// <summary>
/// A hand-made ledger in a store of the test's own (so the demo stock of the shared stores never
/// counts): lots of demo formulary drugs and movements posted through <see cref="StockLedger"/> at
/// chosen instants, each as its own committed document.
/// </summary>
internal sealed class StockReportKit(HospitalAppFactory app, int storeId, string storeCode)
{
    public int StoreId { get; } = storeId;
    public string StoreCode { get; } = storeCode;

    public static async Task<StockReportKit> StartAsync(HospitalAppFactory app, string storeCode)
    {
        await using var db = app.Database.NewContext();
        var store = new Store { Code = storeCode, Name = "Kho báo cáo " + storeCode, Kind = StoreKind.Dispensary };
        store.RefreshSearchKey();
        db.Add(store);
        await db.SaveChangesAsync();
        return new StockReportKit(app, store.Id, storeCode);
    }

    public async Task<(int Lot, int Drug)> LotAsync(string drugCode, string lotNumber, DateOnly expiry, bool recalled = false)
    {
        await using var db = app.Database.NewContext();
        var drug = await db.Set<Drug>().SingleAsync(d => d.Code == drugCode);
        var lot = new DrugLot
        {
            DrugId = drug.Id, LotNumber = lotNumber, Expiry = expiry, CreatedAt = DateTime.UtcNow,
            RecalledAt = recalled ? DateTime.UtcNow : null, RecalledBy = recalled ? "test" : null, RecallReason = recalled ? "Thu hồi thử" : null,
        };
        db.Add(lot);
        await db.SaveChangesAsync();
        return (lot.Id, drug.Id);
    }

    /// <summary>Posts one movement of this store at <paramref name="at"/> (UTC).</summary>
    public async Task PostAsync(DateTime at, (int Lot, int Drug) lot, StockMovementKind kind, decimal quantity, decimal? unitCost = null)
    {
        await using var db = app.Database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var shortage = await new StockLedger(db, new FixedClock(at)).PostAsync(StockDocument.Receipt, 1,
            [new StockEntry(StoreId, lot.Lot, lot.Drug, kind, quantity, unitCost)], "test");
        Assert.Null(shortage);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public async Task MinimumAsync(int drugId, decimal minimum)
    {
        await using var db = app.Database.NewContext();
        db.Add(new StoreDrugLevel { StoreId = StoreId, DrugId = drugId, MinimumStock = minimum });
        await db.SaveChangesAsync();
    }

    public static DateTime Utc(int year, int month, int day, int hour = 3) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
