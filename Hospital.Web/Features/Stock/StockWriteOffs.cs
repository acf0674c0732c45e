using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

public sealed record WriteOffLineInput(int LotId, decimal? Quantity);

/// <summary>
/// Phiếu xuất khác: back to the supplier, lost or broken, destroyed (expired or recalled stock,
/// GSP TT 36/2018 and the recall notices of Cục Quản lý Dược). A reason is required; no line may
/// take more than the store holds of its lot. Also the recall of a lot: marked with its reason, it
/// is never allocated again (<see cref="FefoAllocation"/> skips it) and what is left is disposed of here.
/// </summary>
public sealed class StockWriteOffs(HospitalDbContext db, StockDocumentPosting posting, TimeProvider clock)
{
    public async Task<StockOutcome> RecordAsync(int storeId, StockMovementKind kind, string? reason, IReadOnlyList<WriteOffLineInput> lines,
        string user, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is null) errors.Add("Chọn kho xuất.");
        if (!StockLabels.WriteOffKinds.Contains(kind)) errors.Add("Chọn loại xuất: trả nhà cung cấp, hư hỏng/mất hoặc hủy.");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("Nhập lý do xuất.");
        else if (reason.Trim().Length > 500) errors.Add("Lý do dài quá 500 ký tự.");
        var chosen = lines.Where(l => l.Quantity is not (null or 0)).ToList();
        if (chosen.Count == 0) errors.Add("Nhập số lượng xuất của ít nhất một lô.");
        var lotIds = chosen.Select(l => l.LotId).ToList();
        var lots = await db.Set<DrugLot>().AsNoTracking().Where(l => lotIds.Contains(l.Id))
            .Join(db.Set<Drug>(), l => l.DrugId, d => d.Id, (l, d) => new { l.Id, l.LotNumber, l.DrugId, d.Name, d.Unit })
            .ToDictionaryAsync(x => x.Id, ct);
        var entries = new List<StockEntry>();
        foreach (var l in chosen)
        {
            if (!lots.TryGetValue(l.LotId, out var lot)) { errors.Add("Không có lô thuốc này."); continue; }
            if (l.Quantity < 0) { errors.Add($"Lô {lot.LotNumber} ({lot.Name}): số lượng xuất phải lớn hơn 0."); continue; }
            var onHand = store is null ? 0 : await StockOnHand.OfLotAsync(db, storeId, l.LotId, ct);
            var taken = entries.Where(e => e.LotId == l.LotId).Sum(e => -e.Quantity) + l.Quantity!.Value;
            if (taken > onHand)
                errors.Add($"Lô {lot.LotNumber} ({lot.Name}) tại kho {store?.Code} chỉ còn {StockQuantity.Format(onHand)} {lot.Unit}: không xuất được {StockQuantity.Format(taken)}.");
            else
                entries.Add(new StockEntry(storeId, l.LotId, lot.DrugId, kind, -l.Quantity.Value, Reason: reason?.Trim()));
        }
        if (errors.Count > 0) return StockOutcome.Refused(errors);

        var today = VietnamTime.Today(clock);
        return await posting.PostAsync(StockDocument.WriteOff,
            async c => db.Add(new StockWriteOff
            {
                Number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.WriteOff, today, c),
                StoreId = storeId, Kind = kind, Reason = reason!.Trim(), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = user,
            }).Entity,
            (_, _) => Task.FromResult<IReadOnlyList<StockEntry>>(entries), user, ct);
    }

    /// <summary>Marks a lot recalled (thu hồi) in every store; it stays in the ledger and can only be written off afterwards.</summary>
    public async Task<StockOutcome> RecallAsync(int lotId, string? reason, string user, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return StockOutcome.Refused("Nhập lý do thu hồi (số công văn thu hồi).");
        if (reason.Trim().Length > 500) return StockOutcome.Refused("Lý do dài quá 500 ký tự.");
        var lot = await db.Set<DrugLot>().FirstOrDefaultAsync(l => l.Id == lotId, ct);
        if (lot is null) return StockOutcome.Refused("Không có lô thuốc này.");
        if (lot.IsRecalled) return StockOutcome.Refused($"Lô {lot.LotNumber} đã thu hồi từ {VietnamTime.Format(lot.RecalledAt)}.");
        lot.RecalledAt = clock.GetUtcNow().UtcDateTime;
        lot.RecalledBy = user;
        lot.RecallReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        return StockOutcome.Done(lot.Id, lot.LotNumber);
    }
}
