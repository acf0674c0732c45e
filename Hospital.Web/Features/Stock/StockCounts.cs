using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>What was counted of one line of an open count; null quantity = not counted yet.</summary>
public sealed record CountEntry(int LineId, decimal? Counted, string? Reason);

/// <summary>
/// Kiểm kê (GSP TT 36/2018: periodic counts, differences recorded with their cause): opening
/// snapshots every lot with stock in the store; counted quantities are entered (never negative)
/// and may be saved several times; posting writes each difference against the book quantity at
/// that moment (dispensing during the count is not lost) as a CountAdjustment, and closes the count.
/// One open count per store at a time.
/// </summary>
public sealed class StockCounts(HospitalDbContext db, StockDocumentPosting posting, TimeProvider clock)
{
    public async Task<StockOutcome> OpenAsync(int storeId, string user, CancellationToken ct = default)
    {
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId && s.IsActive, ct);
        if (store is null) return StockOutcome.Refused("Chọn kho kiểm kê.");
        if (await db.Set<StockCount>().Where(c => c.StoreId == storeId && c.Status == StockCountStatus.Open).Select(c => c.Number).FirstOrDefaultAsync(ct) is { } open)
            return StockOutcome.Refused($"Kho {store.Code} đang có phiếu kiểm kê {open} chưa ghi sổ.");
        var count = new StockCount
        {
            Number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.Count, VietnamTime.Today(clock), ct),
            StoreId = storeId, Status = StockCountStatus.Open, StartedAt = clock.GetUtcNow().UtcDateTime, StartedBy = user,
            Lines = (await StockOnHand.RowsAsync(db, storeId, ct: ct))
                .Select(r => new StockCountLine { LotId = r.LotId, DrugId = r.DrugId, BookQuantity = r.OnHand }).ToList(),
        };
        db.Add(count);
        await db.SaveChangesAsync(ct);
        return StockOutcome.Done(count.Id, count.Number);
    }

    /// <summary>Saves counted quantities and reasons; with <paramref name="post"/> also posts the differences, once every line is counted.</summary>
    public async Task<StockOutcome> SaveAsync(int countId, IReadOnlyList<CountEntry> entries, bool post, string user, CancellationToken ct = default)
    {
        var errors = CountRules.Check(entries);
        if (errors.Count > 0) return StockOutcome.Refused(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        return await posting.PostAsync(StockDocument.Count,
            async c =>
            {
                var count = await db.Set<StockCount>().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == countId, c)
                    ?? throw new StockDocumentRefused("Không có phiếu kiểm kê này.");
                if (count.Status != StockCountStatus.Open)
                    throw new StockDocumentRefused($"Phiếu {count.Number} {StockLabels.Count(count.Status).ToLowerInvariant()}: không sửa được.");
                foreach (var e in entries)
                {
                    var line = count.Lines.FirstOrDefault(l => l.Id == e.LineId) ?? throw new StockDocumentRefused("Dòng kiểm kê không thuộc phiếu này.");
                    line.CountedQuantity = e.Counted;
                    line.Reason = string.IsNullOrWhiteSpace(e.Reason) ? null : e.Reason.Trim();
                }
                if (post)
                {
                    if (count.Lines.Count(l => l.CountedQuantity is null) is var missing and > 0)
                        throw new StockDocumentRefused($"Còn {missing} lô chưa nhập số lượng kiểm kê.");
                    count.Status = StockCountStatus.Posted;
                    count.PostedAt = now;
                    count.PostedBy = user;
                }
                return count;
            },
            async (id, c) =>
            {
                if (!post) return [];
                var count = await db.Set<StockCount>().Include(x => x.Lines).AsNoTracking().FirstAsync(x => x.Id == id, c);
                var lotIds = count.Lines.Select(l => l.LotId).ToList();
                // Against the book quantity now, not at opening: movements during the count stay counted.
                var book = await db.Set<StockBalance>().AsNoTracking().Where(b => b.StoreId == count.StoreId && lotIds.Contains(b.LotId))
                    .ToDictionaryAsync(b => b.LotId, b => b.OnHand, c);
                return count.Lines
                    .Select(l => new StockEntry(count.StoreId, l.LotId, l.DrugId, StockMovementKind.CountAdjustment,
                        l.CountedQuantity!.Value - book.GetValueOrDefault(l.LotId), DocumentLineId: l.Id, Reason: l.Reason))
                    .Where(e => e.Quantity != 0).ToList();
            },
            user, ct);
    }
}

/// <summary>The checks of counted quantities that need no database.</summary>
public static class CountRules
{
    public static List<string> Check(IReadOnlyList<CountEntry> entries)
    {
        var errors = new List<string>();
        if (entries.Any(e => e.Counted < 0)) errors.Add("Số lượng kiểm kê không được âm.");
        if (entries.Any(e => e.Reason?.Trim().Length > 500)) errors.Add("Lý do chênh lệch dài quá 500 ký tự.");
        return errors;
    }
}
