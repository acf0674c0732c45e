using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Dispensing;

/// <summary>Units of one lot of one prescription line the patient brings back, with why.</summary>
public sealed record DispenseReturnRequest(int DispensationId, int LineId, int LotId, decimal Quantity, string? Reason);

/// <summary>
/// After a dispensation: drugs the patient brings back unused go back into the same lot of the
/// same store (DispenseReturn movements of that dispensation, never more than it handed out of
/// the lot; for narcotic and psychotropic drugs TT 20/2017 Đ42 requires the return to be recorded),
/// and the undispensed rest of a prescription can be closed with a reason. Both throw
/// <see cref="DomainException"/> with a Vietnamese message and store nothing on bad input.
/// </summary>
public sealed class DispensingCorrections(HospitalDbContext db, StockLedger ledger, TimeProvider clock)
{
    public async Task<DispensedMovement> ReturnAsync(DispenseReturnRequest request, string user, CancellationToken ct = default)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Nhập lý do trả lại thuốc.");
        if (request.Quantity <= 0) throw new DomainException("Số lượng trả lại phải lớn hơn 0.");
        var dispensation = await db.Set<Dispensation>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DispensationId, ct)
            ?? throw new DomainException($"Không tìm thấy phiếu cấp phát #{request.DispensationId}.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DispensingProgress.LockAsync(db, dispensation.PrescriptionId, ct);
        var rows = (await DispensingProgress.MovementsAsync(db, dispensation.PrescriptionId, ct))
            .Where(m => m.DispensationId == dispensation.Id && m.LineId == request.LineId && m.LotId == request.LotId).ToList();
        var handed = rows.Where(m => m.Kind == StockMovementKind.Dispense).Sum(m => m.Out);
        if (handed == 0) throw new DomainException("Phiếu cấp phát này không cấp lô thuốc đó cho dòng thuốc đó.");
        var back = rows.Where(m => m.Kind == StockMovementKind.DispenseReturn).Sum(m => m.Quantity);
        if (request.Quantity > handed - back)
            throw new DomainException($"Lô {rows[0].LotNumber}: đã cấp {PrescriptionDispensing.Qty(handed)}, đã trả lại {PrescriptionDispensing.Qty(back)}: " +
                $"chỉ trả lại được tối đa {PrescriptionDispensing.Qty(handed - back)}.");

        var entry = new StockEntry(dispensation.StoreId, request.LotId, rows[0].DrugId, StockMovementKind.DispenseReturn, request.Quantity,
            DocumentLineId: request.LineId, Reason: reason);
        if (await ledger.PostAsync(StockDocument.Dispensation, dispensation.Id, [entry], user, ct) is not null)
            throw new InvalidOperationException("A return into a store cannot be short.");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rows[0] with { Kind = StockMovementKind.DispenseReturn, Quantity = request.Quantity, Reason = reason, RecordedBy = user };
    }

    /// <summary>"Kết thúc cấp phát": what is still pending will not be handed out (the patient declined it, or the 5 days passed).</summary>
    public async Task CloseRestAsync(int prescriptionId, string? reason, string user, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Nhập lý do không cấp phần thuốc còn lại.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await DispensingProgress.LockAsync(db, prescriptionId, ct);
        var prescription = await db.Set<Prescription>().FirstOrDefaultAsync(p => p.Id == prescriptionId, ct)
            ?? throw new DomainException($"Không tìm thấy đơn thuốc #{prescriptionId}.");
        if (prescription.Status != PrescriptionStatus.Signed || prescription.VoidedAt is not null)
            throw new DomainException("Chỉ kết thúc cấp phát được đơn thuốc đã ký, chưa hủy.");
        if (prescription.DispensingStatus is DispensingStatus.Complete or DispensingStatus.Closed)
            throw new DomainException("Đơn thuốc không còn thuốc chờ cấp.");
        prescription.DispensingStatus = DispensingStatus.Closed;
        prescription.DispensingClosedAt = clock.GetUtcNow().UtcDateTime;
        prescription.DispensingClosedBy = user;
        prescription.DispensingCloseReason = reason.Length > 500 ? reason[..500] : reason;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
