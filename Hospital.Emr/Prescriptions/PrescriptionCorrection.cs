using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Correcting a signed prescription (QĐ 425/QĐ-BYT Đ9 k3c: a sent prescription is immutable; the
/// correction is a new prescription, the old one is kept but no longer dispensable). In one save:
/// the signed one is voided with the reason and marked Cancelled (NationalStatus Cancelled when it
/// had been sent, for the national-system client to report), its drug charges are voided, and a
/// draft copy with <see cref="Prescription.ReplacesPrescriptionId"/> and new charges is created.
/// The doctor edits that draft in the prescription panel (allowed although the exam is locked) and
/// signs it through the exam addendum, which calls <see cref="IPrescriptionFinalizer"/>.
/// </summary>
public sealed class PrescriptionCorrection(HospitalDbContext db, TimeProvider clock)
{
    public sealed record Result(string? Error, int? DraftId);

    public async Task<Result> CorrectAsync(int prescriptionId, string? reason, string user, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Result("Nhập lý do hủy đơn thuốc đã ký.", null);
        if (reason.Trim().Length > 500) return new Result("Lý do hủy dài quá 500 ký tự.", null);
        var signed = await db.Set<Prescription>().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == prescriptionId, ct);
        if (signed is null) return new Result("Không tìm thấy đơn thuốc.", null);
        if (signed.Status != PrescriptionStatus.Signed || signed.IsVoided())
            return new Result("Chỉ sửa bằng đơn thay thế được đơn thuốc đã ký và còn hiệu lực.", null);
        var visit = await db.Set<Domain.Visits.Visit>().FirstAsync(v => v.Id == signed.VisitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        signed.Void(reason, user, now);
        signed.Status = PrescriptionStatus.Cancelled;
        if (signed.NationalStatus == NationalPrescriptionStatus.Sent) signed.NationalStatus = NationalPrescriptionStatus.Cancelled;
        var chargeIds = signed.Lines.Where(l => l.ChargeId is not null).Select(l => l.ChargeId!.Value).ToList();
        foreach (var charge in await db.Set<Charge>().Where(c => chargeIds.Contains(c.Id) && c.VoidedAt == null).ToListAsync(ct))
            charge.Void($"Đơn thuốc {signed.NationalCode} được thay thế: {reason.Trim()}", user, now);

        var copy = new Prescription
        {
            VisitId = signed.VisitId, PatientId = signed.PatientId, Form = signed.Form, Status = PrescriptionStatus.Draft,
            ReplacesPrescriptionId = signed.Id, CreatedAt = now, CreatedBy = user, DoctorStaffId = signed.DoctorStaffId,
            Advice = signed.Advice, AgeMonths = signed.AgeMonths, WeightKg = signed.WeightKg, GuardianName = signed.GuardianName,
            GuardianPhone = signed.GuardianPhone, GuardianAddress = signed.GuardianAddress, FollowUpDays = signed.FollowUpDays,
        };
        db.Add(copy);
        var drugIds = signed.Lines.Select(l => l.DrugId).ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var l in signed.Lines.OrderBy(l => l.Position))
        {
            var line = new PrescriptionLine
            {
                Position = l.Position, DrugId = l.DrugId, DrugCode = l.DrugCode, DrugName = l.DrugName, ActiveIngredient = l.ActiveIngredient,
                Strength = l.Strength, Unit = l.Unit, Route = l.Route, DosePerTime = l.DosePerTime, TimesPerDay = l.TimesPerDay, Days = l.Days,
                Quantity = l.Quantity, Timing = l.Timing, Usage = l.Usage, AllergyOverrideReason = l.AllergyOverrideReason,
            };
            PrescriptionWriting.AddWithCharge(db, copy, line, Hospital.Domain.Billing.DrugCharge.For(visit, drugs[l.DrugId], l.Quantity, user, signed.DoctorStaffId, now));
        }
        await db.SaveChangesAsync(ct);
        return new Result(null, copy.Id);
    }
}
