using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// What the prescribing rules need to know about one visit, loaded tracked in one go: the visit,
/// the patient, the exam record (diagnoses, lock), the prescriptions that still count (drafts and
/// signed ones; cancelled ones are history) with their lines, and the patient's active allergies.
/// </summary>
public sealed class PrescriptionVisit
{
    public required Visit Visit { get; init; }
    public required Patient Patient { get; init; }
    public ExamRecord? Exam { get; init; }
    public required List<Prescription> Prescriptions { get; init; }
    public required List<PatientAllergy> Allergies { get; init; }

    /// <summary>Primary then secondary ICD-10 codes of the exam (MA_BENH_CHINH; MA_BENH_KT).</summary>
    public IReadOnlyList<string> DiagnosisCodes =>
        Exam is null ? []
        : new[] { Exam.PrimaryDiagnosisCode }.Concat((Exam.SecondaryDiagnosisCodes ?? "").Split(';'))
            .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).ToList();

    public bool ExamLocked => Exam?.IsLocked == true;

    public IEnumerable<(string Substance, string SubstanceKey)> AllergyKeys => Allergies.Select(a => (a.Substance, a.SubstanceKey));

    /// <summary>Every line of the visit's prescriptions that count, with its prescription.</summary>
    public IEnumerable<(Prescription Prescription, PrescriptionLine Line)> Lines =>
        Prescriptions.SelectMany(p => p.Lines.Select(l => (p, l)));

    public static async Task<PrescriptionVisit?> LoadAsync(HospitalDbContext db, int visitId, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || visit.IsVoided()) return null;
        var patient = await db.Set<Patient>().FirstAsync(p => p.Id == visit.PatientId, ct);
        return new PrescriptionVisit
        {
            Visit = visit,
            Patient = patient,
            Exam = await db.Set<ExamRecord>().FirstOrDefaultAsync(e => e.VisitId == visitId, ct),
            Prescriptions = await db.Set<Prescription>().Include(p => p.Lines)
                .Where(p => p.VisitId == visitId && p.VoidedAt == null && p.Status != PrescriptionStatus.Cancelled)
                .OrderBy(p => p.Id).ToListAsync(ct),
            Allergies = await db.Set<PatientAllergy>().Where(a => a.PatientId == visit.PatientId && a.VoidedAt == null).ToListAsync(ct),
        };
    }
}
