using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// The doctor writing the visit's draft prescriptions: add, change and remove lines, and the
/// prescription's advice and child fields. A draft of a form is created with its first line; each
/// line has its drug charge (created, updated, voided with it). Every action validates everything
/// first and then saves once; a refusal stores nothing. Writing is refused once the prescription is
/// signed or the exam concluded, except for a correcting draft (<see cref="PrescriptionCorrection"/>).
/// </summary>
public sealed class PrescriptionWriting(HospitalDbContext db, TimeProvider clock, PrescribingRuleTables rules)
{
    public const string LineRemovedReason = "Bác sĩ bỏ thuốc khỏi đơn nháp";

    public async Task<PrescriptionWriteResult> AddLineAsync(int visitId, PrescriptionLineInput input, PrescriptionHeaderInput? header, string user, CancellationToken ct = default)
    {
        var visit = await PrescriptionVisit.LoadAsync(db, visitId, ct);
        if (visit is null) return PrescriptionWriteResult.Refused("Không tìm thấy lượt khám.");
        var today = VietnamCalendar.Today(clock);
        var drug = await db.Set<Drug>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == input.DrugId, ct);
        if (drug is null || !drug.IsValidOn(today)) return PrescriptionWriteResult.Refused("Không tìm thấy thuốc trong danh mục đang dùng.");
        var form = PrescriptionFormRules.FormFor(drug.ControlClass);
        var draft = visit.Prescriptions.FirstOrDefault(p => p.Form == form && p.Status == PrescriptionStatus.Draft);
        if (WriteRefusal(visit, draft, form) is { } refusal) return PrescriptionWriteResult.Refused(refusal);

        var (errors, check, h, quantity) = Validate(visit, drug, input, header, draft, null, today);
        if (errors.Count > 0) return new PrescriptionWriteResult(errors, check.AllergyConflicts);

        var now = clock.GetUtcNow().UtcDateTime;
        var staffId = await StaffOfAsync(user, ct);
        if (draft is null)
        {
            draft = new Prescription
            {
                VisitId = visitId, PatientId = visit.Visit.PatientId, Form = form, Status = PrescriptionStatus.Draft,
                CreatedAt = now, CreatedBy = user, DoctorStaffId = staffId,
            };
            db.Add(draft);
        }
        Apply(draft, h, visit, today);
        var line = new PrescriptionLine
        {
            Position = draft.Lines.Count == 0 ? 1 : draft.Lines.Max(l => l.Position) + 1,
            DrugId = drug.Id,
            DrugCode = drug.Code,
            DrugName = drug.Name,
            ActiveIngredient = drug.ActiveIngredient,
            Strength = drug.Strength,
            Unit = drug.Unit,
        };
        Fill(line, input, quantity!.Value, drug.Route, check);
        AddWithCharge(db, draft, line, DrugCharge.For(visit.Visit, drug, quantity.Value, user, staffId, now));
        CheckInTrigger.OnChargeAdded(db, visit.Visit, clock);
        await db.SaveChangesAsync(ct);
        return new PrescriptionWriteResult([], check.AllergyConflicts, line.Id);
    }

    public async Task<PrescriptionWriteResult> ChangeLineAsync(int visitId, int lineId, PrescriptionLineInput input, PrescriptionHeaderInput? header, string user, CancellationToken ct = default)
    {
        var visit = await PrescriptionVisit.LoadAsync(db, visitId, ct);
        if (visit is null) return PrescriptionWriteResult.Refused("Không tìm thấy lượt khám.");
        var (prescription, line) = visit.Lines.FirstOrDefault(x => x.Line.Id == lineId);
        if (line is null) return PrescriptionWriteResult.Refused("Không tìm thấy dòng thuốc trong đơn của lượt khám này.");
        if (WriteRefusal(visit, prescription, prescription.Form) is { } refusal) return PrescriptionWriteResult.Refused(refusal);
        var today = VietnamCalendar.Today(clock);
        var drug = await db.Set<Drug>().AsNoTracking().FirstAsync(d => d.Id == line.DrugId, ct);
        if (input.DrugId != 0 && input.DrugId != line.DrugId)
            return PrescriptionWriteResult.Refused("Không đổi được thuốc của một dòng: bỏ dòng này và thêm thuốc mới.");

        var (errors, check, h, quantity) = Validate(visit, drug, input, header, prescription, line, today);
        if (errors.Count > 0) return new PrescriptionWriteResult(errors, check.AllergyConflicts);

        Apply(prescription, h, visit, today);
        Fill(line, input, quantity!.Value, drug.Route, check);
        if (line.ChargeId is { } chargeId && await db.Set<Charge>().FirstOrDefaultAsync(c => c.Id == chargeId, ct) is { } charge)
            charge.Quantity = quantity.Value;
        await db.SaveChangesAsync(ct);
        return new PrescriptionWriteResult([], check.AllergyConflicts, line.Id);
    }

    /// <summary>Takes a line off a draft and voids its charge; a draft left empty is voided too, so the next line starts a new one.</summary>
    public async Task<PrescriptionWriteResult> RemoveLineAsync(int visitId, int lineId, string user, CancellationToken ct = default)
    {
        var visit = await PrescriptionVisit.LoadAsync(db, visitId, ct);
        if (visit is null) return PrescriptionWriteResult.Refused("Không tìm thấy lượt khám.");
        var (prescription, line) = visit.Lines.FirstOrDefault(x => x.Line.Id == lineId);
        if (line is null) return PrescriptionWriteResult.Refused("Không tìm thấy dòng thuốc trong đơn của lượt khám này.");
        if (WriteRefusal(visit, prescription, prescription.Form) is { } refusal) return PrescriptionWriteResult.Refused(refusal);
        var now = clock.GetUtcNow().UtcDateTime;
        if (line.ChargeId is { } chargeId && await db.Set<Charge>().FirstOrDefaultAsync(c => c.Id == chargeId, ct) is { } charge && !charge.IsVoided())
            charge.Void(LineRemovedReason, user, now);
        prescription.Lines.Remove(line);
        db.Remove(line);
        if (prescription.Lines.Count == 0) prescription.Void("Đơn nháp không còn thuốc nào", user, now);
        await db.SaveChangesAsync(ct);
        return new PrescriptionWriteResult([], []);
    }

    /// <summary>Advice and child fields, written to every draft of the visit (they describe the patient, not one form).</summary>
    public async Task<PrescriptionWriteResult> SaveHeaderAsync(int visitId, PrescriptionHeaderInput header, CancellationToken ct = default)
    {
        var visit = await PrescriptionVisit.LoadAsync(db, visitId, ct);
        if (visit is null) return PrescriptionWriteResult.Refused("Không tìm thấy lượt khám.");
        var drafts = visit.Prescriptions.Where(p => p.Status == PrescriptionStatus.Draft).ToList();
        if (drafts.Count == 0) return PrescriptionWriteResult.Refused("Chưa có đơn thuốc nháp: thêm thuốc trước.");
        if (drafts.Select(d => WriteRefusal(visit, d, d.Form)).FirstOrDefault(r => r is not null) is { } refusal)
            return PrescriptionWriteResult.Refused(refusal);
        var today = VietnamCalendar.Today(clock);
        var errors = HeaderErrors(visit, header, today);
        if (errors.Count > 0) return new PrescriptionWriteResult(errors, []);
        foreach (var d in drafts) Apply(d, header, visit, today);
        await db.SaveChangesAsync(ct);
        return new PrescriptionWriteResult([], []);
    }

    /// <summary>
    /// Adds the line and its charge. The line's ChargeId is the charge's temporary key, marked
    /// temporary so EF puts the real key in the same SaveChanges (the model has no navigation from
    /// line to charge).
    /// </summary>
    internal static void AddWithCharge(DbContext db, Prescription prescription, PrescriptionLine line, Charge charge)
    {
        db.Add(charge);
        line.ChargeId = db.Entry(charge).Property(c => c.Id).CurrentValue;
        prescription.Lines.Add(line);
        db.Add(line);
        db.Entry(line).Property(l => l.ChargeId).IsTemporary = true;
    }

    /// <summary>
    /// Every rule for a new or changed line, and the header it will carry: the quantity, the form,
    /// day limit, duplicate and allergy checks (<see cref="PrescriptionChecks"/>) and the child fields.
    /// </summary>
    private (List<string> Errors, LineCheck Check, PrescriptionHeaderInput Header, decimal? Quantity) Validate(PrescriptionVisit visit, Drug drug,
        PrescriptionLineInput input, PrescriptionHeaderInput? header, Prescription? prescription, PrescriptionLine? self, DateOnly today)
    {
        var (quantity, quantityError) = PrescriptionQuantity.Compute(drug.Unit, input.DosePerTime, input.TimesPerDay, input.Days, input.Containers);
        var errors = new List<string>();
        if (quantityError is not null) errors.Add(quantityError);
        errors.AddRange(TextErrors(input));
        var check = PrescriptionChecks.Line(visit, self?.DrugName ?? drug.Name, self?.ActiveIngredient ?? drug.ActiveIngredient, drug.ControlClass,
            input.Form, input.Days, input.AllergyOverrideReason, self, today, rules);
        errors.AddRange(check.Errors);
        var h = Merge(header, prescription, visit, today);
        errors.AddRange(HeaderErrors(visit, h, today));
        return (errors, check, h, quantity);
    }

    internal static string? WriteRefusal(PrescriptionVisit visit, Prescription? prescription, PrescriptionForm form)
    {
        if (prescription is { Status: PrescriptionStatus.Signed })
            return $"{PrescriptionFormRules.Label(form)} đã ký (mã {prescription.NationalCode}): không sửa được; muốn sửa phải hủy và kê đơn thay thế.";
        // After the conclusion only a correcting draft (PrescriptionCorrection) may be written, for the addendum to sign.
        if (visit.ExamLocked && prescription?.ReplacesPrescriptionId is null)
            return "Hồ sơ khám đã kết thúc và khóa: không sửa đơn thuốc; thay đổi phải làm bằng phiếu bổ sung.";
        if (prescription is null && visit.Prescriptions.Any(p => p.Form == form && p.Status == PrescriptionStatus.Signed))
            return $"{PrescriptionFormRules.Label(form)} của lượt khám đã ký: mỗi lượt khám chỉ một đơn mỗi loại; muốn sửa phải hủy và kê đơn thay thế.";
        return null;
    }

    private static IEnumerable<string> TextErrors(PrescriptionLineInput input)
    {
        if ((input.Route?.Trim().Length ?? 0) > 100) yield return "Đường dùng dài quá 100 ký tự.";
        if ((input.Timing?.Trim().Length ?? 0) > 200) yield return "Thời điểm dùng dài quá 200 ký tự.";
        if ((input.Usage?.Trim().Length ?? 0) > 500) yield return "Cách dùng dài quá 500 ký tự.";
    }

    private static List<string> HeaderErrors(PrescriptionVisit visit, PrescriptionHeaderInput h, DateOnly today)
    {
        var errors = new List<string>(PrescriptionChecks.Child(visit, h.WeightKg, h.GuardianName, h.GuardianPhone, h.GuardianAddress, today));
        if ((h.Advice?.Trim().Length ?? 0) > 2000) errors.Add("Lời dặn dài quá 2000 ký tự.");
        if ((h.GuardianName?.Trim().Length ?? 0) > 200) errors.Add("Họ tên người giám hộ dài quá 200 ký tự.");
        if ((h.GuardianPhone?.Trim().Length ?? 0) > 20) errors.Add("Số điện thoại người giám hộ dài quá 20 ký tự.");
        if ((h.GuardianAddress?.Trim().Length ?? 0) > 500) errors.Add("Địa chỉ người giám hộ dài quá 500 ký tự.");
        return errors;
    }

    /// <summary>The header to validate and store: what was posted, else what the draft has, else the patient's guardian.</summary>
    private static PrescriptionHeaderInput Merge(PrescriptionHeaderInput? posted, Prescription? draft, PrescriptionVisit visit, DateOnly today) =>
        posted ?? new PrescriptionHeaderInput(
            draft?.Advice ?? visit.Prescriptions.Select(p => p.Advice).FirstOrDefault(a => a is not null),
            draft?.WeightKg ?? visit.Prescriptions.Select(p => p.WeightKg).FirstOrDefault(w => w is not null),
            draft?.GuardianName ?? visit.Patient.GuardianName,
            draft?.GuardianPhone ?? visit.Patient.GuardianPhone,
            draft?.GuardianAddress);

    private static void Apply(Prescription p, PrescriptionHeaderInput h, PrescriptionVisit visit, DateOnly today)
    {
        p.Advice = Clean(h.Advice);
        var child = ChildPrescriptionRules.Applies(visit.Patient.DateOfBirth, visit.Patient.BirthYear, today);
        p.AgeMonths = child ? ChildPrescriptionRules.AgeMonths(visit.Patient.DateOfBirth, visit.Patient.BirthYear, today) : null;
        p.WeightKg = h.WeightKg;
        p.GuardianName = Clean(h.GuardianName);
        p.GuardianPhone = Clean(h.GuardianPhone);
        p.GuardianAddress = Clean(h.GuardianAddress);
    }

    private static void Fill(PrescriptionLine line, PrescriptionLineInput input, decimal quantity, string? drugRoute, LineCheck check)
    {
        line.DosePerTime = input.DosePerTime;
        line.TimesPerDay = input.TimesPerDay;
        line.Days = input.Days;
        line.Quantity = quantity;
        line.Route = Clean(input.Route) ?? drugRoute;
        line.Timing = Clean(input.Timing);
        line.Usage = Clean(input.Usage) ?? PrescriptionUsage.Describe(line);
        line.AllergyOverrideReason = check.AllergyConflicts.Count > 0 ? Clean(input.AllergyOverrideReason) : null;
    }

    private async Task<int?> StaffOfAsync(string user, CancellationToken ct) =>
        await db.Set<AppUser>().Where(u => u.UserName == user).Select(u => u.StaffId).FirstOrDefaultAsync(ct);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
