using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Signs the visit's draft prescriptions at the conclusion (or at the addendum that signs a
/// correcting draft): all rules again, with the exam's final diagnoses (primary + secondary) for
/// the day limits; then each gets its national code, the diagnoses as printed, Status Signed, the
/// signer and the dates it covers, and a message for the national e-prescription system
/// (<see cref="NationalPrescriptionOutbox"/>). Changes the context only; the caller saves with the rest of the
/// conclusion, so a refusal (any error) leaves everything as it was.
/// </summary>
public sealed class PrescriptionFinalizer(PrescribingRuleTables rules, TimeProvider clock, IAuditUser signer) : IPrescriptionFinalizer
{
    /// <summary>Tries before giving up on a free code: 36^7 ≈ 7.8·10^10 codes, so a second try is already rare.</summary>
    private const int CodeAttempts = 8;

    public async Task<PrescriptionSigning> SignDraftsAsync(HospitalDbContext db, int visitId, CancellationToken ct = default)
    {
        var visit = await PrescriptionVisit.LoadAsync(db, visitId, ct);
        if (visit is null) return new PrescriptionSigning(["Không tìm thấy lượt khám."], []);
        var drafts = visit.Prescriptions.Where(p => p.Status == PrescriptionStatus.Draft).ToList();
        if (drafts.Count == 0) return new PrescriptionSigning([], []);

        var today = VietnamCalendar.Today(clock);
        var drugIds = drafts.SelectMany(p => p.Lines).Select(l => l.DrugId).Distinct().ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.FacilityCode).FirstOrDefaultAsync(ct);

        var errors = new List<string>();
        if (!NationalPrescriptionCode.IsValidFacilityCode(facility))
            errors.Add("Chưa khai báo mã cơ sở khám chữa bệnh (5 ký tự) trong thông tin cơ sở: không cấp được mã đơn thuốc.");
        var limits = new Dictionary<Prescription, DayLimit>();
        foreach (var p in drafts)
        {
            if (p.Lines.Count == 0) { errors.Add($"{PrescriptionFormRules.Label(p.Form)} chưa có thuốc nào."); continue; }
            limits[p] = PrescriptionDayLimits.Decide(p.Form, [.. visit.DiagnosisCodes], today, rules);
            foreach (var line in p.Lines.OrderBy(l => l.Position))
            {
                var controlClass = drugs.TryGetValue(line.DrugId, out var d) ? d.ControlClass : DrugControlClass.Ordinary;
                var check = PrescriptionChecks.Line(visit, line.DrugName, line.ActiveIngredient, controlClass, p.Form, line.Days,
                    line.AllergyOverrideReason, line, today, rules);
                errors.AddRange(check.Errors);
            }
            errors.AddRange(PrescriptionChecks.Child(visit, p.WeightKg, p.GuardianName, p.GuardianPhone, p.GuardianAddress, today));
        }
        if (visit.DiagnosisCodes.Count == 0) errors.Add("Đơn thuốc phải ghi chẩn đoán: nhập chẩn đoán chính trước khi ký.");
        errors = errors.Distinct().ToList();
        if (errors.Count > 0) return new PrescriptionSigning(errors, []);

        var now = clock.GetUtcNow().UtcDateTime;
        var issued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in drafts)
        {
            p.NationalCode = await FreeCodeAsync(db, facility!, p.Form, issued, ct);
            p.Status = PrescriptionStatus.Signed;
            p.SignedAt = now;
            p.SignedBy = signer.UserName;
            p.DiagnosisCodes = string.Join(";", visit.DiagnosisCodes);
            p.DiagnosisText = string.Join("; ", new[] { visit.Exam?.PrimaryDiagnosisText, visit.Exam?.SecondaryDiagnosisText }.Where(t => !string.IsNullOrWhiteSpace(t)));
            p.StartDate = today;
            var limit = limits[p];
            var days = p.Lines.Max(l => l.Days);
            // A cancer-pain narcotic prescription is dispensed in rounds: it records the first round's dates (dot_dung_thuoc).
            if (limit.Case == DayLimitCase.NarcoticCancerPain && limit.RoundDays is { } round)
                days = Math.Min(days, round);
            if (p.Form is PrescriptionForm.Narcotic or PrescriptionForm.Psychotropic) p.Round = 1;
            p.EndDate = today.AddDays(days - 1);
            OutboxWriter.Enqueue(db, clock, NationalPrescriptionOutbox.Send, new NationalPrescriptionMessage(p.Id), p.NationalCode, NationalPrescriptionOutbox.MaxAttempts);
        }
        return new PrescriptionSigning([], drafts);
    }

    private static async Task<string> FreeCodeAsync(HospitalDbContext db, string facility, PrescriptionForm form, HashSet<string> issued, CancellationToken ct)
    {
        for (var i = 0; i < CodeAttempts; i++)
        {
            var code = NationalPrescriptionCode.New(facility, form);
            if (issued.Contains(code) || await db.Set<Prescription>().AnyAsync(p => p.NationalCode == code, ct)) continue;
            issued.Add(code);
            return code;
        }
        throw new InvalidOperationException("No free prescription code after several attempts: check the random generator.");
    }
}
