using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Prescriptions;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Prescriptions;

/// <summary>What the prescription panel shows for one visit, read without tracking.</summary>
public sealed class PrescriptionPanelModel
{
    public required Patient Patient { get; init; }
    public bool ExamConcluded { get; init; }
    public required IReadOnlyList<Prescription> Prescriptions { get; init; }
    public required IReadOnlyList<string> Allergies { get; init; }
    public bool IsChild { get; init; }
    public int AgeMonths { get; init; }

    public IEnumerable<Prescription> Drafts => Prescriptions.Where(p => p.Status == PrescriptionStatus.Draft && p.VoidedAt == null);

    /// <summary>Writable: the exam is open, or a correcting draft waits for its addendum.</summary>
    public bool Editable(bool lockedByPage) =>
        !(lockedByPage || ExamConcluded) || Drafts.Any(p => p.ReplacesPrescriptionId is not null);

    /// <summary>Advice and child fields to show: the drafts' (they share them), else the patient's guardian.</summary>
    public PrescriptionHeaderInput Header()
    {
        var d = Drafts.FirstOrDefault() ?? Prescriptions.FirstOrDefault();
        return new PrescriptionHeaderInput(d?.Advice, d?.WeightKg, d?.GuardianName ?? Patient.GuardianName,
            d?.GuardianPhone ?? Patient.GuardianPhone, d?.GuardianAddress ?? Patient.AddressLine);
    }

    public static async Task<PrescriptionPanelModel?> LoadAsync(HospitalDbContext db, int visitId, DateOnly day, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == visitId && v.VoidedAt == null)
            .Select(v => new { v.PatientId }).FirstOrDefaultAsync(ct);
        if (visit is null) return null;
        var patient = await db.Set<Patient>().AsNoTracking().FirstAsync(p => p.Id == visit.PatientId, ct);
        var status = await db.Set<ExamRecord>().AsNoTracking().Where(e => e.VisitId == visitId).Select(e => (ExamStatus?)e.Status).FirstOrDefaultAsync(ct);
        // Drafts and signed ones, plus cancelled ones kept as history (voided drafts that were emptied are not shown).
        var prescriptions = await db.Set<Prescription>().AsNoTracking().Include(p => p.Lines)
            .Where(p => p.VisitId == visitId && (p.VoidedAt == null || p.Status == PrescriptionStatus.Cancelled))
            .OrderBy(p => p.Form).ThenBy(p => p.Id).ToListAsync(ct);
        var allergies = await db.Set<PatientAllergy>().AsNoTracking().Where(a => a.PatientId == visit.PatientId && a.VoidedAt == null)
            .OrderBy(a => a.Substance).Select(a => a.Substance).ToListAsync(ct);
        return new PrescriptionPanelModel
        {
            Patient = patient,
            ExamConcluded = status == ExamStatus.Concluded,
            Prescriptions = prescriptions,
            Allergies = allergies,
            IsChild = ChildPrescriptionRules.Applies(patient.DateOfBirth, patient.BirthYear, day),
            AgeMonths = ChildPrescriptionRules.AgeMonths(patient.DateOfBirth, patient.BirthYear, day),
        };
    }
}
