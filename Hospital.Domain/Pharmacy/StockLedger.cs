using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Domain.Pharmacy;

/// <summary>One movement to post: <paramref name="Quantity"/> is signed (+ into the store, − out of it).</summary>
/// <param name="UnitCost">Purchase price per unit; null takes the lot's last price in that store (everything but receipts).</param>
public sealed record StockEntry(int StoreId, int LotId, int DrugId, StockMovementKind Kind, decimal Quantity,
    decimal? UnitCost = null, int? DocumentLineId = null, string? Reason = null);

/// <summary>The movement that would have taken a lot below zero in a store.</summary>
public sealed record StockShortage(int StoreId, int LotId, int DrugId, decimal Wanted);

/// <summary>
/// The only writer of stock. Posts movements of one document inside the caller's transaction:
/// each changes its <see cref="StockBalance"/> row by one statement (a decrement only
/// <c>WHERE on_hand &gt;= q</c>, so concurrent takers of the last units cannot both succeed and the
/// balance never goes negative) and adds its immutable <see cref="StockMovement"/> to the context.
/// On a shortage it stops and returns it: the caller must roll back its transaction, which undoes
/// the balance changes already made, and save nothing. The caller saves (the ledger rows and its
/// document together) and commits.
/// </summary>
public sealed class StockLedger(HospitalDbContext db, TimeProvider clock)
{
    public async Task<StockShortage?> PostAsync(StockDocument document, int documentId, IReadOnlyList<StockEntry> entries,
        string user, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock movements are posted inside the caller's transaction.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in entries)
        {
            if (e.Quantity == 0) continue;
            var balances = db.Set<StockBalance>().Where(b => b.StoreId == e.StoreId && b.LotId == e.LotId);
            decimal unitCost;
            if (e.Quantity < 0)
            {
                var take = -e.Quantity;
                var changed = await balances.Where(b => b.OnHand >= take)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand - take), ct);
                if (changed == 0) return new StockShortage(e.StoreId, e.LotId, e.DrugId, take);
                unitCost = e.UnitCost ?? await balances.Select(b => b.UnitCost).FirstAsync(ct);
            }
            else
            {
                // The row may not exist yet (first time this lot reaches this store). ON CONFLICT DO
                // NOTHING is the same on SQLite (3.24+) and PostgreSQL, and safe when two receipts race.
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO stock_balances (store_id, lot_id, drug_id, on_hand, unit_cost) VALUES ({e.StoreId}, {e.LotId}, {e.DrugId}, 0, 0) ON CONFLICT (store_id, lot_id) DO NOTHING", ct);
                var add = e.Quantity;
                if (e.UnitCost is { } cost)
                {
                    await balances.ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand + add).SetProperty(b => b.UnitCost, cost), ct);
                    unitCost = cost;
                }
                else
                {
                    await balances.ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand + add), ct);
                    unitCost = await balances.Select(b => b.UnitCost).FirstAsync(ct);
                }
            }
            db.Add(new StockMovement
            {
                StoreId = e.StoreId, LotId = e.LotId, DrugId = e.DrugId, Kind = e.Kind, Quantity = e.Quantity, UnitCost = unitCost,
                OccurredAt = now, RecordedBy = user, Document = document, DocumentId = documentId,
                DocumentLineId = e.DocumentLineId, Reason = e.Reason,
            });
        }
        return null;
    }
}
