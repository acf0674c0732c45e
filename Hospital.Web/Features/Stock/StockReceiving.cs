using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>One line of a supplier invoice as typed: null where the field was left empty.</summary>
public sealed record ReceiptLineInput(string? DrugCode, string? LotNumber, DateOnly? Expiry, decimal? Quantity, decimal? UnitCost);

public sealed record ReceiptInput(int StoreId, string? Supplier, string? InvoiceNumber, DateOnly? InvoiceDate, string? Note,
    IReadOnlyList<ReceiptLineInput> Lines);

/// <summary>
/// Phiếu nhập kho from a supplier invoice (GSP, TT 36/2018: every lot received with its số lô and
/// hạn dùng). All lines are checked first; one bad line refuses the whole invoice and nothing is
/// stored. A lot seen before must come with the expiry it was first received with (one lot, one
/// expiry); a new lot is created by its first receipt.
/// </summary>
public sealed class StockReceiving(HospitalDbContext db, StockDocumentPosting posting, TimeProvider clock)
{
    public async Task<StockOutcome> ReceiveAsync(ReceiptInput input, string user, CancellationToken ct = default)
    {
        var today = VietnamTime.Today(clock);
        var errors = new List<string>();
        var store = await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.StoreId && s.IsActive, ct);
        if (store is null) errors.Add("Chọn kho nhập.");
        if (string.IsNullOrWhiteSpace(input.Supplier)) errors.Add("Nhập nhà cung cấp.");
        else if (input.Supplier.Trim().Length > 300) errors.Add("Tên nhà cung cấp dài quá 300 ký tự.");
        if (string.IsNullOrWhiteSpace(input.InvoiceNumber)) errors.Add("Nhập số hóa đơn.");
        else if (input.InvoiceNumber.Trim().Length > 50) errors.Add("Số hóa đơn dài quá 50 ký tự.");
        if (input.Note?.Trim().Length > 500) errors.Add("Ghi chú dài quá 500 ký tự.");
        if (input.InvoiceDate is null) errors.Add("Nhập ngày hóa đơn.");
        else if (input.InvoiceDate > today) errors.Add("Ngày hóa đơn không được sau hôm nay.");
        if (input.Lines.Count == 0) errors.Add("Phiếu nhập chưa có dòng thuốc nào.");

        var formulary = await FormularyCodes.LoadAsync(db, input.Lines.Select(l => l.DrugCode), ct);
        var drugIds = input.Lines.Select(l => formulary.Find(l.DrugCode, out _)?.Id).OfType<int>().ToList();
        var known = await db.Set<DrugLot>().AsNoTracking().Where(l => drugIds.Contains(l.DrugId)).ToListAsync(ct);
        var lots = known.ToDictionary(l => (l.DrugId, l.LotNumber.ToUpperInvariant()));
        var expiries = new Dictionary<(int, string), DateOnly>();

        var checkedLines = new List<(Drug Drug, string Lot, DateOnly Expiry, decimal Quantity, decimal Cost)>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var n = $"Dòng {i + 1}: ";
            var lineErrors = ReceiptLineRules.Check(line, today);
            var drug = formulary.Find(line.DrugCode, out var drugError);
            if (drugError is not null) lineErrors.Insert(0, drugError);
            if (drug is not null && lineErrors.Count == 0)
            {
                var lot = line.LotNumber!.Trim();
                var key = (drug.Id, lot.ToUpperInvariant());
                var firstExpiry = lots.TryGetValue(key, out var existing) ? existing.Expiry : expiries.GetValueOrDefault(key, line.Expiry!.Value);
                if (firstExpiry != line.Expiry)
                    lineErrors.Add($"Lô {lot} của {drug.Name} đã có hạn dùng {VietnamTime.Date(firstExpiry)}, khác {VietnamTime.Date(line.Expiry)}: một lô chỉ có một hạn dùng.");
                else
                {
                    expiries[key] = firstExpiry;
                    checkedLines.Add((drug, existing?.LotNumber ?? lot, firstExpiry, line.Quantity!.Value, line.UnitCost!.Value));
                }
            }
            errors.AddRange(lineErrors.Select(e => n + e));
        }
        if (errors.Count > 0) return StockOutcome.Refused(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        return await posting.PostAsync(StockDocument.Receipt,
            async c =>
            {
                var receipt = new StockReceipt
                {
                    Number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.Receipt, today, c),
                    StoreId = input.StoreId, Supplier = input.Supplier!.Trim(), InvoiceNumber = input.InvoiceNumber!.Trim(),
                    InvoiceDate = input.InvoiceDate!.Value, ReceivedAt = now, ReceivedBy = user, Note = Blank(input.Note),
                };
                db.Add(receipt);
                foreach (var l in checkedLines)
                {
                    var key = (l.Drug.Id, l.Lot.ToUpperInvariant());
                    if (lots.ContainsKey(key)) continue;
                    // Read again inside the transaction: another receipt may have created the lot since the checks.
                    lots[key] = await db.Set<DrugLot>().FirstOrDefaultAsync(x => x.DrugId == l.Drug.Id && x.LotNumber == l.Lot, c)
                        ?? db.Add(new DrugLot { DrugId = l.Drug.Id, LotNumber = l.Lot, Expiry = l.Expiry, CreatedAt = now }).Entity;
                }
                return receipt;
            },
            (_, _) => Task.FromResult<IReadOnlyList<StockEntry>>(checkedLines.Select(l =>
                new StockEntry(input.StoreId, lots[(l.Drug.Id, l.Lot.ToUpperInvariant())].Id, l.Drug.Id, StockMovementKind.Receipt, l.Quantity, l.Cost)).ToList()),
            user, ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The checks of one receipt line that need no database (GSP: lot and expiry of every line; nothing expired enters a store).</summary>
public static class ReceiptLineRules
{
    public static List<string> Check(ReceiptLineInput line, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(line.LotNumber)) errors.Add("Nhập số lô.");
        else if (line.LotNumber.Trim().Length > 50) errors.Add("Số lô dài quá 50 ký tự.");
        if (line.Expiry is null) errors.Add("Nhập hạn dùng.");
        // The expiry is the last day of use: a lot expiring today may still be received and used today.
        else if (line.Expiry < today)
            errors.Add($"Lô {line.LotNumber?.Trim()} đã hết hạn dùng ({VietnamTime.Date(line.Expiry)}): không nhập kho.");
        if (line.Quantity is null) errors.Add("Nhập số lượng.");
        else if (line.Quantity <= 0) errors.Add("Số lượng nhập phải lớn hơn 0.");
        if (line.UnitCost is null) errors.Add("Nhập đơn giá.");
        else if (line.UnitCost < 0) errors.Add("Đơn giá không được âm.");
        return errors;
    }
}
