using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>
/// Hands out a signed prescription at a store: what is still pending per line, allocated
/// first-expiry-first-out over the store's lots (GSP TT 36/2018), posted as Dispense movements of
/// one <see cref="Dispensation"/> in one transaction. Pharmacists dispensing the same drugs from the
/// same store wait for each other's lots (<see cref="DispensingProgress.LockStoreLotsAsync"/>), and
/// the ledger's conditional decrement stays the referee: should a plan still lose (another kind of
/// document took the units), the transaction is rolled back and the allocation tried again from
/// fresh balances, so nobody gets a lot that is no longer there.
/// </summary>
public sealed class PrescriptionDispensing(HospitalDbContext db, StockLedger ledger, TimeProvider clock, ILogger<PrescriptionDispensing> log)
{
    /// <summary>Allocations tried before giving up when other pharmacists keep taking the units in between.</summary>
    private const int Attempts = 5;

    public async Task<DispenseOutcome> DispenseAsync(int prescriptionId, DispenseRequest request, string user, CancellationToken ct = default)
    {
        var code = request.StoreCode?.Trim() ?? "";
        if (code.Length == 0) return Invalid("Chọn kho cấp phát.");
        var store = await db.Set<Store>().AsNoTracking().Where(s => s.Code == code).Select(s => new { s.Id, s.Code, s.Name, s.IsActive }).FirstOrDefaultAsync(ct);
        if (store is null) return Invalid($"Không có kho mã {code}.");
        if (!store.IsActive) return Invalid($"Kho {store.Name} đã ngừng hoạt động.");

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await DispensingProgress.LockAsync(db, prescriptionId, ct))
                return new DispenseOutcome(DispenseOutcomeKind.NotFound, $"Không tìm thấy đơn thuốc #{prescriptionId}.", null, null, [], []);
            var prescription = await db.Set<Prescription>().Include(p => p.Lines).SingleAsync(p => p.Id == prescriptionId, ct);
            var today = VietnamCalendar.Today(clock);
            if (DispensingRules.Refusal(prescription.Status, prescription.VoidedAt is not null, prescription.SignedAt, prescription.DispensingStatus, today) is { } refusal)
                return Invalid(refusal);
            if (DispensingRules.ReceiverRefusal(prescription.Form, request.ReceiverName, request.ReceiverIdNumber) is { } receiver)
                return Invalid(receiver);

            var done = DispensingProgress.ByLine(await DispensingProgress.MovementsAsync(db, prescriptionId, ct));
            var lines = prescription.Lines.OrderBy(l => l.Position).ToList();
            var pending = lines.Select(l => new PendingLine(l.Id, l.DrugId, l.Quantity - done.GetValueOrDefault(l.Id).Dispensed)).Where(l => l.Pending > 0).ToList();
            if (pending.Count == 0)
            {
                // Nothing left although the status says otherwise (e.g. set by hand): put the status right instead of an empty slip.
                prescription.DispensingStatus = DispensingRules.StatusOf(lines.Select(l => (l.Quantity, done.GetValueOrDefault(l.Id).Dispensed)));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return Invalid("Đơn thuốc đã cấp phát đủ.");
            }
            var drugIds = pending.Select(p => p.DrugId).Distinct().ToList();
            await DispensingProgress.LockStoreLotsAsync(db, store.Id, drugIds, ct);
            var lots = await DispensingProgress.StoreLotsAsync(db, store.Id, drugIds, ct);
            var plan = DispensingRules.Plan(pending, lots, today);

            var byId = lines.ToDictionary(l => l.Id);
            var shorts = pending.Where(p => !plan[p.LineId].Complete).ToList();
            if (shorts.Count > 0 && (!request.AllowPartial || plan.Values.All(r => r.Allocated == 0)))
                return Short(ShortMessage(store.Name, shorts, plan, byId, request.AllowPartial), pending, byId);

            var number = await PharmacyDocumentNumber.NextAsync(db, PharmacyDocumentNumber.Dispensation, today, ct);
            var dispensation = new Dispensation
            {
                Number = number, PrescriptionId = prescriptionId, StoreId = store.Id, DispensedAt = clock.GetUtcNow().UtcDateTime, DispensedBy = user,
                ReceiverName = Clean(request.ReceiverName), ReceiverIdNumber = Clean(request.ReceiverIdNumber)?.ToUpperInvariant(), Note = Clean(request.Note),
            };
            db.Add(dispensation);
            await db.SaveChangesAsync(ct);

            // Lots in id order: every transaction locks balance rows in the same order (no deadlock on PostgreSQL).
            var entries = pending.SelectMany(p => plan[p.LineId].Lots.Select(a => new StockEntry(store.Id, a.LotId, p.DrugId, StockMovementKind.Dispense, -a.Quantity, DocumentLineId: p.LineId)))
                .OrderBy(e => e.LotId).ToList();
            if (await ledger.PostAsync(StockDocument.Dispensation, dispensation.Id, entries, user, ct) is { } shortage)
            {
                await tx.RollbackAsync(ct);
                log.LogInformation("Dispensing prescription {Prescription}: lot {Lot} was taken by another dispensation (attempt {Attempt}); allocating again", prescriptionId, shortage.LotId, attempt);
                continue;
            }

            prescription.DispensingStatus = DispensingRules.StatusOf(lines.Select(l =>
                (l.Quantity, done.GetValueOrDefault(l.Id).Dispensed + (plan.TryGetValue(l.Id, out var r) ? r.Allocated : 0))));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);

            var handed = pending.SelectMany(p => plan[p.LineId].Lots.Select(a =>
                new DispensedLot(p.LineId, byId[p.LineId].DrugCode, byId[p.LineId].DrugName, a.LotNumber, a.Expiry, a.Quantity, byId[p.LineId].Unit))).ToList();
            var rest = pending.Where(p => plan[p.LineId].Short > 0)
                .Select(p => new PendingDrug(p.LineId, byId[p.LineId].DrugCode, byId[p.LineId].DrugName, plan[p.LineId].Short, byId[p.LineId].Unit)).ToList();
            return new DispenseOutcome(DispenseOutcomeKind.Dispensed, null, dispensation.Id, number, handed, rest);
        }
        return new DispenseOutcome(DispenseOutcomeKind.Short,
            "Thuốc vừa được cấp cho đơn khác trong lúc xử lý và kho không còn đủ: kiểm tra lại tồn kho rồi cấp phát lại.", null, null, [], []);
    }

    private static string ShortMessage(string store, IEnumerable<PendingLine> shorts, IReadOnlyDictionary<int, FefoResult> plan,
        Dictionary<int, PrescriptionLine> lines, bool partial)
    {
        var parts = shorts.Select(p =>
        {
            var l = lines[p.LineId];
            return $"{l.DrugName} chỉ còn {Qty(plan[p.LineId].Allocated)} {l.Unit} dùng được, thiếu {Qty(plan[p.LineId].Short)} {l.Unit}";
        });
        var tail = partial ? "không có thuốc nào để cấp." : "chưa cấp thuốc nào (chọn cấp một phần nếu muốn giao phần đang có).";
        return $"Kho {store} không đủ: {string.Join("; ", parts)} – {tail}";
    }

    /// <summary>Quantities as people write them: no trailing zeros.</summary>
    public static string Qty(decimal q) => q.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static DispenseOutcome Invalid(string message) => new(DispenseOutcomeKind.Invalid, message, null, null, [], []);

    private static DispenseOutcome Short(string message, IEnumerable<PendingLine> pending, Dictionary<int, PrescriptionLine> lines) =>
        new(DispenseOutcomeKind.Short, message, null, null, [],
            pending.Select(p => new PendingDrug(p.LineId, lines[p.LineId].DrugCode, lines[p.LineId].DrugName, p.Pending, lines[p.LineId].Unit)).ToList());

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
