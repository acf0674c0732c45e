using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

public sealed record TransferLineInput(string? DrugCode, decimal? Quantity);

/// <summary>
/// Phiếu lĩnh between stores: the receiving store requests, the issuing store approves (lots chosen
/// first-expiry-first-out, GSP TT 36/2018, and taken off its shelf at once: TransferOut), the
/// receiving store confirms (TransferIn of exactly those lots and quantities). A request may be
/// refused with a reason until it is approved. Each step checks the status it starts from; the
/// status is a concurrency token, so two people acting on one transfer cannot both succeed.
/// </summary>
public sealed class StockTransfers(HospitalDbContext db, StockDocumentPosting posting, TimeProvider clock)
{
    public async Task<StockOutcome> RequestAsync(int fromStoreId, int toStoreId, IReadOnlyList<TransferLineInput> lines, string? note,
        string user, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var stores = await db.Set<Store>().AsNoTracking().Where(s => s.IsActive && (s.Id == fromStoreId || s.Id == toStoreId)).Select(s => s.Id).ToListAsync(ct);
        if (!stores.Contains(fromStoreId)) errors.Add("Chọn kho xuất.");
        if (!stores.Contains(toStoreId)) errors.Add("Chọn kho nhận.");
        if (fromStoreId == toStoreId) errors.Add("Kho xuất và kho nhận phải khác nhau.");
        if (note?.Trim().Length > 500) errors.Add("Ghi chú dài quá 500 ký tự.");
        if (lines.Count == 0) errors.Add("Phiếu lĩnh chưa có dòng thuốc nào.");
        var formulary = await FormularyCodes.LoadAsync(db, lines.Select(l => l.DrugCode), ct);
        var wanted = new List<StockTransferLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var n = $"Dòng {i + 1}: ";
            var drug = formulary.Find(l.DrugCode, out var drugError);
            if (drugError is not null) errors.Add(n + drugError);
            if (l.Quantity is null) errors.Add(n + "Nhập số lượng.");
            else if (l.Quantity <= 0) errors.Add(n + "Số lượng lĩnh phải lớn hơn 0.");
            if (drug is not null && l.Quantity > 0)
            {
                if (wanted.Any(w => w.DrugId == drug.Id)) errors.Add(n + $"{drug.Name} đã có ở dòng trên: gộp vào một dòng.");
                else wanted.Add(new StockTransferLine { DrugId = drug.Id, RequestedQuantity = l.Quantity.Value });
            }
        }
        if (errors.Count > 0) return StockOutcome.Refused(errors);

        var transfer = new StockTransfer
        {
            Number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.Transfer, VietnamTime.Today(clock), ct),
            FromStoreId = fromStoreId, ToStoreId = toStoreId, Status = StockTransferStatus.Requested,
            RequestedAt = clock.GetUtcNow().UtcDateTime, RequestedBy = user, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Lines = wanted,
        };
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        return StockOutcome.Done(transfer.Id, transfer.Number);
    }

    /// <summary>
    /// The issuing store hands out the request: for each drug the usable lots (not expired, not
    /// recalled) soonest expiry first. When a drug is short the whole transfer is refused, saying
    /// what the store holds; nothing is taken.
    /// </summary>
    public async Task<StockOutcome> ApproveAsync(int transferId, string user, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var entries = new List<StockEntry>();
        var errors = new List<string>();
        return await posting.PostAsync(StockDocument.Transfer,
            async c =>
            {
                var t = await db.Set<StockTransfer>().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == transferId, c)
                    ?? throw new StockDocumentRefused("Không có phiếu lĩnh này.");
                if (t.Status != StockTransferStatus.Requested)
                    throw new StockDocumentRefused($"Phiếu {t.Number} đang ở trạng thái {StockLabels.Transfer(t.Status)}: không duyệt được.");
                var from = await db.Set<Store>().AsNoTracking().FirstAsync(s => s.Id == t.FromStoreId, c);
                foreach (var line in t.Lines)
                {
                    var lots = (await StockOnHand.RowsAsync(db, t.FromStoreId, line.DrugId, c)).Select(r => r.ForAllocation).ToList();
                    var fefo = FefoAllocation.Allocate(lots, line.RequestedQuantity, today);
                    if (!fefo.Complete)
                    {
                        var drug = await db.Set<Drug>().AsNoTracking().FirstAsync(d => d.Id == line.DrugId, c);
                        errors.Add($"Kho {from.Code} chỉ còn {StockQuantity.Format(fefo.Allocated)} {drug.Unit} {drug.Name} dùng được: không đủ chuyển {StockQuantity.Format(line.RequestedQuantity)}.");
                        continue;
                    }
                    entries.AddRange(fefo.Lots.Select(a =>
                        new StockEntry(t.FromStoreId, a.LotId, line.DrugId, StockMovementKind.TransferOut, -a.Quantity, DocumentLineId: line.Id)));
                }
                if (errors.Count > 0) throw new StockDocumentRefused(errors);
                t.Status = StockTransferStatus.Approved;
                t.ApprovedAt = clock.GetUtcNow().UtcDateTime;
                t.ApprovedBy = user;
                return t;
            },
            (_, _) => Task.FromResult<IReadOnlyList<StockEntry>>(entries), user, ct);
    }

    /// <summary>The receiving store confirms: the same lots and quantities enter it at the price they left with.</summary>
    public async Task<StockOutcome> ReceiveAsync(int transferId, string user, CancellationToken ct = default) =>
        await posting.PostAsync(StockDocument.Transfer,
            async c =>
            {
                var t = await db.Set<StockTransfer>().FirstOrDefaultAsync(x => x.Id == transferId, c)
                    ?? throw new StockDocumentRefused("Không có phiếu lĩnh này.");
                if (t.Status != StockTransferStatus.Approved)
                    throw new StockDocumentRefused($"Phiếu {t.Number} đang ở trạng thái {StockLabels.Transfer(t.Status)}: chỉ nhận được phiếu đã duyệt.");
                t.Status = StockTransferStatus.Received;
                t.ReceivedAt = clock.GetUtcNow().UtcDateTime;
                t.ReceivedBy = user;
                return t;
            },
            async (id, c) =>
            {
                var t = await db.Set<StockTransfer>().AsNoTracking().FirstAsync(x => x.Id == id, c);
                return await db.Set<StockMovement>().AsNoTracking()
                    .Where(m => m.Document == StockDocument.Transfer && m.DocumentId == id && m.Kind == StockMovementKind.TransferOut)
                    .OrderBy(m => m.Id)
                    .Select(m => new StockEntry(t.ToStoreId, m.LotId, m.DrugId, StockMovementKind.TransferIn, -m.Quantity, m.UnitCost, m.DocumentLineId, null))
                    .ToListAsync(c);
            },
            user, ct);

    public async Task<StockOutcome> RefuseAsync(int transferId, string? reason, string user, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return StockOutcome.Refused("Nhập lý do từ chối.");
        if (reason.Trim().Length > 500) return StockOutcome.Refused("Lý do dài quá 500 ký tự.");
        var t = await db.Set<StockTransfer>().FirstOrDefaultAsync(x => x.Id == transferId, ct);
        if (t is null) return StockOutcome.Refused("Không có phiếu lĩnh này.");
        if (t.Status != StockTransferStatus.Requested)
            return StockOutcome.Refused($"Phiếu {t.Number} đang ở trạng thái {StockLabels.Transfer(t.Status)}: chỉ từ chối được phiếu chưa duyệt.");
        t.Status = StockTransferStatus.Refused;
        t.RefusedAt = clock.GetUtcNow().UtcDateTime;
        t.RefusedBy = user;
        t.Note = $"{(t.Note is null ? "" : t.Note + " · ")}Từ chối: {reason.Trim()}";
        if (t.Note.Length > 500) t.Note = t.Note[..500];
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return StockOutcome.Refused(StockDocumentPosting.TakenMeanwhile); }
        return StockOutcome.Done(t.Id, t.Number);
    }
}
