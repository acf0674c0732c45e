using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>One ledger row of a prescription's dispensations: a lot handed out (Dispense, negative) or brought back (DispenseReturn, positive).</summary>
public sealed record DispensedMovement(long Id, int DispensationId, int StoreId, int LineId, int DrugId, int LotId, string LotNumber, DateOnly Expiry,
    StockMovementKind Kind, decimal Quantity, DateTime OccurredAt, string RecordedBy, string? Reason)
{
    /// <summary>Units that left the store for the patient (positive for a dispense).</summary>
    public decimal Out => -Quantity;
}

/// <summary>How much of each prescription line has been handed out and brought back, and what a store holds for it: read from the ledger.</summary>
public static class DispensingProgress
{
    /// <summary>
    /// Inside the caller's transaction, locks the prescription row before its progress is read
    /// (a row lock on PostgreSQL; SQLite transactions are serialized already): two pharmacists on
    /// the same prescription would otherwise both read the same pending quantities and hand them
    /// out twice. False when there is no such prescription.
    /// </summary>
    public static async Task<bool> LockAsync(HospitalDbContext db, int prescriptionId, CancellationToken ct = default) =>
        await db.Set<Hospital.Domain.Clinical.Prescription>().Where(p => p.Id == prescriptionId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DispensingStatus, p => p.DispensingStatus), ct) > 0;

    public static async Task<List<DispensedMovement>> MovementsAsync(HospitalDbContext db, int prescriptionId, CancellationToken ct = default)
    {
        var dispensations = db.Set<Dispensation>().Where(d => d.PrescriptionId == prescriptionId).Select(d => d.Id);
        return await (
            from m in db.Set<StockMovement>().AsNoTracking()
            join l in db.Set<DrugLot>() on m.LotId equals l.Id
            where m.Document == StockDocument.Dispensation && dispensations.Contains(m.DocumentId) && m.DocumentLineId != null
            orderby m.Id
            select new DispensedMovement(m.Id, m.DocumentId, m.StoreId, m.DocumentLineId!.Value, m.DrugId, m.LotId, l.LotNumber, l.Expiry,
                m.Kind, m.Quantity, m.OccurredAt, m.RecordedBy, m.Reason)).ToListAsync(ct);
    }

    /// <summary>Per prescription line: units handed out (all dispensations) and units brought back. Returns do not make a line pending again.</summary>
    public static Dictionary<int, (decimal Dispensed, decimal Returned)> ByLine(IEnumerable<DispensedMovement> movements) =>
        movements.GroupBy(m => m.LineId).ToDictionary(g => g.Key, g => (
            g.Where(m => m.Kind == StockMovementKind.Dispense).Sum(m => m.Out),
            g.Where(m => m.Kind == StockMovementKind.DispenseReturn).Sum(m => m.Quantity)));

    /// <summary>
    /// Inside the caller's transaction, locks the store's balance rows of these drugs in lot order
    /// before they are read (FOR UPDATE on PostgreSQL; SQLite transactions are serialized already), so
    /// the FEFO plan made from them cannot go stale: pharmacists dispensing the same drugs queue here
    /// instead of losing the race at the ledger's decrement and planning again. Every dispenser locks
    /// in the same order, so they cannot deadlock each other.
    /// </summary>
    public static async Task LockStoreLotsAsync(HospitalDbContext db, int storeId, IReadOnlyCollection<int> drugIds, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return;
        var drugs = drugIds.ToArray();
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM stock_balances WHERE store_id = {storeId} AND drug_id = ANY({drugs}) ORDER BY lot_id FOR UPDATE", ct);
    }

    /// <summary>The lots of the given drugs with stock in the store, as FEFO sees them (expired and recalled ones included: the allocator skips them).</summary>
    public static async Task<List<StoreLot>> StoreLotsAsync(HospitalDbContext db, int storeId, IReadOnlyCollection<int> drugIds, CancellationToken ct = default)
    {
        var rows = await (
            from b in db.Set<StockBalance>().AsNoTracking()
            join l in db.Set<DrugLot>() on b.LotId equals l.Id
            where b.StoreId == storeId && drugIds.Contains(b.DrugId) && b.OnHand > 0
            select new { b.DrugId, l.Id, l.LotNumber, l.Expiry, Recalled = l.RecalledAt != null, b.OnHand }).ToListAsync(ct);
        return rows.Select(r => new StoreLot(r.DrugId, new LotOnHand(r.Id, r.LotNumber, r.Expiry, r.Recalled, r.OnHand))).ToList();
    }
}
