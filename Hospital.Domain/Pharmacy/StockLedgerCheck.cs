using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Domain.Pharmacy;

/// <summary>A lot in a store whose kept balance is not the sum of its ledger rows.</summary>
public sealed record StockDifference(int StoreId, int LotId, decimal Balance, decimal LedgerSum);

/// <summary>
/// Cross-check of the derived on-hand against the ledger (issue 7: "on-hand quantities are derived
/// and cross-checked"): sums every (store, lot) of <see cref="StockMovement"/> and compares with
/// <see cref="StockBalance"/>. Empty when they agree, which they must after any sequence of movements.
/// </summary>
public static class StockLedgerCheck
{
    public static async Task<IReadOnlyList<StockDifference>> DifferencesAsync(HospitalDbContext db, int? storeId = null, CancellationToken ct = default)
    {
        var movements = db.Set<StockMovement>().AsNoTracking();
        var balances = db.Set<StockBalance>().AsNoTracking();
        if (storeId is { } s) { movements = movements.Where(m => m.StoreId == s); balances = balances.Where(b => b.StoreId == s); }
        // Summed in memory per row fetched as (store, lot, quantity): decimal SUM is not translated on SQLite.
        var sums = new Dictionary<(int, int), decimal>();
        await foreach (var m in movements.Select(m => new { m.StoreId, m.LotId, m.Quantity }).AsAsyncEnumerable().WithCancellation(ct))
            sums[(m.StoreId, m.LotId)] = sums.GetValueOrDefault((m.StoreId, m.LotId)) + m.Quantity;
        var differences = new List<StockDifference>();
        foreach (var b in await balances.ToListAsync(ct))
        {
            var sum = sums.Remove((b.StoreId, b.LotId), out var v) ? v : 0;
            if (sum != b.OnHand) differences.Add(new StockDifference(b.StoreId, b.LotId, b.OnHand, sum));
        }
        differences.AddRange(sums.Where(kv => kv.Value != 0).Select(kv => new StockDifference(kv.Key.Item1, kv.Key.Item2, 0, kv.Value)));
        return differences;
    }
}
