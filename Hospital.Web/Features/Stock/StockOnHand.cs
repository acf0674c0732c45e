using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>One lot on hand in one store, as the on-hand view, the API and the transfer approval read it.</summary>
public sealed record OnHandRow(int StoreId, string StoreCode, string StoreName, int DrugId, string DrugCode, string DrugName, string Unit,
    int LotId, string LotNumber, DateOnly Expiry, bool Recalled, decimal OnHand, decimal UnitCost)
{
    /// <summary>Value at the lot's purchase price, rounded to the đồng (2 dp AwayFromZero as all money).</summary>
    public decimal Value => Math.Round(OnHand * UnitCost, 2, MidpointRounding.AwayFromZero);

    public LotOnHand ForAllocation => new(LotId, LotNumber, Expiry, Recalled, OnHand);
}

/// <summary>Reads of what is on hand: straight from the balances the ledger keeps (never written here).</summary>
public static class StockOnHand
{
    /// <summary>Lots with stock (on hand &gt; 0), optionally of one store and/or one drug, by drug then expiry.</summary>
    public static async Task<List<OnHandRow>> RowsAsync(HospitalDbContext db, int? storeId = null, int? drugId = null, CancellationToken ct = default)
    {
        var balances = db.Set<StockBalance>().AsNoTracking().Where(b => b.OnHand > 0);
        if (storeId is { } s) balances = balances.Where(b => b.StoreId == s);
        if (drugId is { } d) balances = balances.Where(b => b.DrugId == d);
        return await (
            from b in balances
            join st in db.Set<Store>() on b.StoreId equals st.Id
            join dr in db.Set<Drug>() on b.DrugId equals dr.Id
            join l in db.Set<DrugLot>() on b.LotId equals l.Id
            orderby st.Code, dr.Name, l.Expiry, l.Id
            select new OnHandRow(st.Id, st.Code, st.Name, dr.Id, dr.Code, dr.Name, dr.Unit, l.Id, l.LotNumber, l.Expiry,
                l.RecalledAt != null, b.OnHand, b.UnitCost))
            .ToListAsync(ct);
    }

    /// <summary>What a store holds of one lot (0 when it never had any).</summary>
    public static async Task<decimal> OfLotAsync(HospitalDbContext db, int storeId, int lotId, CancellationToken ct = default) =>
        await db.Set<StockBalance>().Where(b => b.StoreId == storeId && b.LotId == lotId).Select(b => (decimal?)b.OnHand).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>"Lô A123 (Paracetamol 500mg) tại kho KHO-NGT chỉ còn 4 Viên: không đủ xuất 5".</summary>
    public static async Task<string> ShortageTextAsync(HospitalDbContext db, StockShortage s, CancellationToken ct = default)
    {
        var lot = await db.Set<DrugLot>().AsNoTracking().Where(l => l.Id == s.LotId).Select(l => l.LotNumber).FirstAsync(ct);
        var drug = await db.Set<Drug>().AsNoTracking().Where(d => d.Id == s.DrugId).Select(d => new { d.Name, d.Unit }).FirstAsync(ct);
        var store = await db.Set<Store>().AsNoTracking().Where(x => x.Id == s.StoreId).Select(x => x.Code).FirstAsync(ct);
        var left = await OfLotAsync(db, s.StoreId, s.LotId, ct);
        return $"Lô {lot} ({drug.Name}) tại kho {store} chỉ còn {StockQuantity.Format(left)} {drug.Unit}: không đủ xuất {StockQuantity.Format(s.Wanted)}.";
    }
}
