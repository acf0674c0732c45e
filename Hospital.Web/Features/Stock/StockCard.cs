using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>One line of a thẻ kho: a movement with the drug's balance in the store after it.</summary>
public sealed record StockCardLine(DateTime OccurredAt, StockMovementKind Kind, StockDocument Document, int DocumentId, string? DocumentNumber,
    string LotNumber, DateOnly Expiry, decimal In, decimal Out, decimal Balance, string RecordedBy, string? Reason);

/// <summary>
/// Thẻ kho (the stock card every store keeps per drug, GSP TT 36/2018): every movement of one drug
/// in one store in the order it happened, with the running balance over all its lots.
/// </summary>
public static class StockCard
{
    public static async Task<List<StockCardLine>> ReadAsync(HospitalDbContext db, int storeId, int drugId, CancellationToken ct = default)
    {
        var movements = await (
            from m in db.Set<StockMovement>().AsNoTracking()
            join l in db.Set<DrugLot>() on m.LotId equals l.Id
            where m.StoreId == storeId && m.DrugId == drugId
            orderby m.OccurredAt, m.Id
            select new { m.OccurredAt, m.Kind, m.Document, m.DocumentId, l.LotNumber, l.Expiry, m.Quantity, m.RecordedBy, m.Reason })
            .ToListAsync(ct);
        var numbers = await NumbersAsync(db, movements.Select(m => (m.Document, m.DocumentId)).Distinct().ToList(), ct);
        var balance = 0m;
        return movements.Select(m =>
        {
            balance += m.Quantity;
            return new StockCardLine(m.OccurredAt, m.Kind, m.Document, m.DocumentId, numbers.GetValueOrDefault((m.Document, m.DocumentId)),
                m.LotNumber, m.Expiry, Math.Max(m.Quantity, 0), Math.Max(-m.Quantity, 0), balance, m.RecordedBy, m.Reason);
        }).ToList();
    }

    /// <summary>Số phiếu of each document, looked up per kind.</summary>
    private static async Task<Dictionary<(StockDocument, int), string>> NumbersAsync(HospitalDbContext db, List<(StockDocument Kind, int Id)> documents, CancellationToken ct)
    {
        List<int> Of(StockDocument kind) => documents.Where(d => d.Kind == kind).Select(d => d.Id).ToList();
        var receipts = Of(StockDocument.Receipt);
        var transfers = Of(StockDocument.Transfer);
        var writeOffs = Of(StockDocument.WriteOff);
        var counts = Of(StockDocument.Count);
        var dispensations = Of(StockDocument.Dispensation);
        var result = new Dictionary<(StockDocument, int), string>();
        foreach (var x in await db.Set<StockReceipt>().Where(x => receipts.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            result[(StockDocument.Receipt, x.Id)] = x.Number;
        foreach (var x in await db.Set<StockTransfer>().Where(x => transfers.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            result[(StockDocument.Transfer, x.Id)] = x.Number;
        foreach (var x in await db.Set<StockWriteOff>().Where(x => writeOffs.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            result[(StockDocument.WriteOff, x.Id)] = x.Number;
        foreach (var x in await db.Set<StockCount>().Where(x => counts.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            result[(StockDocument.Count, x.Id)] = x.Number;
        foreach (var x in await db.Set<Dispensation>().Where(x => dispensations.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
            result[(StockDocument.Dispensation, x.Id)] = x.Number;
        return result;
    }

    /// <summary>Where a document of the ledger is shown.</summary>
    public static string? Link(StockDocument document, int id) => document switch
    {
        StockDocument.Receipt => $"/pharmacy/receipts/{id}",
        StockDocument.Transfer => $"/pharmacy/transfers/{id}",
        StockDocument.Count => $"/pharmacy/counts/{id}",
        _ => null,
    };
}
