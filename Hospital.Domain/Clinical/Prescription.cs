using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

/// <summary>
/// Prescription form (TT 26/2025): ordinary (suffix C), narcotic "N" (PL II), psychotropic and
/// precursor "H" (PL III), herbal decoction "T" (TT 55/2025). N and H drugs need their own form.
/// </summary>
public enum PrescriptionForm { Ordinary = 1, Narcotic = 2, Psychotropic = 3, Herbal = 4 }

/// <summary>
/// Draft while the doctor writes it; Signed at conclusion (national code issued, immutable from
/// then on: TT 26 and QĐ 425 Đ9 k3c); Cancelled when replaced by a correcting prescription.
/// </summary>
public enum PrescriptionStatus { Draft = 0, Signed = 1, Cancelled = 9 }

/// <summary>State of the submission to the national e-prescription system (donthuocquocgia.vn).</summary>
public enum NationalPrescriptionStatus { NotSent = 0, Sent = 1, Rejected = 2, Cancelled = 3 }

/// <summary>
/// An outpatient prescription (đơn thuốc) of a visit, one per form. It is the pharmacy's order to
/// dispense and the source of the visit's drug charges; after signing it never changes: a
/// correction cancels it and a new one <see cref="ReplacesPrescriptionId">replaces</see> it.
/// </summary>
public class Prescription : IVoidable
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PatientId { get; set; }
    public PrescriptionForm Form { get; set; } = PrescriptionForm.Ordinary;
    public PrescriptionStatus Status { get; set; }
    /// <summary>Mã đơn thuốc xxxxxyyyyyyy-z, issued at signing (TT 26 PL I note 1).</summary>
    public string? NationalCode { get; set; }
    public NationalPrescriptionStatus NationalStatus { get; set; }
    public DateTime? NationalSentAt { get; set; }
    public string? NationalMessage { get; set; }
    public int? ReplacesPrescriptionId { get; set; }
    /// <summary>Kept by the dispensary (Pharmacy.DispensingStatus); the queue filters on it.</summary>
    public Pharmacy.DispensingStatus DispensingStatus { get; set; }
    /// <summary>When the pharmacy closed what was still pending (<see cref="Pharmacy.DispensingStatus.Closed"/>), by whom and why.</summary>
    public DateTime? DispensingClosedAt { get; set; }
    public string? DispensingClosedBy { get; set; }
    public string? DispensingCloseReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int? DoctorStaffId { get; set; }
    public DateTime? SignedAt { get; set; }
    public string? SignedBy { get; set; }

    /// <summary>Diagnosis as printed on the prescription (copied from the exam at signing).</summary>
    public string? DiagnosisCodes { get; set; }
    public string? DiagnosisText { get; set; }
    /// <summary>Lời dặn.</summary>
    public string? Advice { get; set; }
    /// <summary>Đợt dùng thuốc (needed for N/H, and for N cancer-pain rounds).</summary>
    public int? Round { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Children under 72 months: age in months, weight and the accompanying adult (TT 26 Đ6).</summary>
    public int? AgeMonths { get; set; }
    public decimal? WeightKg { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianPhone { get; set; }
    public string? GuardianAddress { get; set; }
    /// <summary>Follow-up in days (ngay_tai_kham of the national payload).</summary>
    public int? FollowUpDays { get; set; }

    public List<PrescriptionLine> Lines { get; set; } = [];

    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
}

/// <summary>
/// One drug of a prescription: dose per time × times per day × days gives the quantity
/// (rounded up to whole units of issue). <see cref="AllergyOverrideReason"/> is set when the doctor
/// prescribes despite a recorded allergy. The drug's charge is created with the line.
/// </summary>
public class PrescriptionLine
{
    public int Id { get; set; }
    public int PrescriptionId { get; set; }
    public int Position { get; set; }
    public int DrugId { get; set; }
    public Drug? Drug { get; set; }
    public string DrugCode { get; set; } = "";
    public string DrugName { get; set; } = "";
    public string ActiveIngredient { get; set; } = "";
    public string? Strength { get; set; }
    public string Unit { get; set; } = "";
    public string? Route { get; set; }
    public decimal DosePerTime { get; set; }
    public int TimesPerDay { get; set; }
    public int Days { get; set; }
    public decimal Quantity { get; set; }
    /// <summary>When to take it: "sáng, chiều", "sau ăn"...</summary>
    public string? Timing { get; set; }
    /// <summary>Cách dùng as printed, built from dose, times, route and timing unless the doctor wrote it.</summary>
    public string? Usage { get; set; }
    public string? AllergyOverrideReason { get; set; }
    public long? ChargeId { get; set; }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> b)
    {
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => x.NationalCode).IsUnique();
        b.HasIndex(x => new { x.Status, x.SignedAt });
        b.Property(x => x.Form).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.NationalStatus).HasConversion<int>();
        b.Property(x => x.DispensingStatus).HasConversion<int>();
        b.HasIndex(x => new { x.DispensingStatus, x.SignedAt });
        b.Property(x => x.DispensingClosedBy).HasMaxLength(256);
        b.Property(x => x.DispensingCloseReason).HasMaxLength(500);
        b.Property(x => x.NationalCode).HasMaxLength(14);
        b.Property(x => x.NationalMessage).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.DiagnosisCodes).HasMaxLength(200);
        b.Property(x => x.DiagnosisText).HasMaxLength(2000);
        b.Property(x => x.Advice).HasMaxLength(2000);
        b.Property(x => x.WeightKg).HasPrecision(6, 2);
        b.Property(x => x.GuardianName).HasMaxLength(200);
        b.Property(x => x.GuardianPhone).HasMaxLength(20);
        b.Property(x => x.GuardianAddress).HasMaxLength(500);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patients.Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Prescription>().WithMany().HasForeignKey(x => x.ReplacesPrescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.DoctorStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrescriptionLineConfiguration : IEntityTypeConfiguration<PrescriptionLine>
{
    public void Configure(EntityTypeBuilder<PrescriptionLine> b)
    {
        b.HasIndex(x => x.PrescriptionId);
        b.Property(x => x.DrugCode).HasMaxLength(50);
        b.Property(x => x.DrugName).HasMaxLength(500);
        b.Property(x => x.ActiveIngredient).HasMaxLength(500);
        b.Property(x => x.Strength).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(50);
        b.Property(x => x.Route).HasMaxLength(100);
        b.Property(x => x.DosePerTime).HasPrecision(10, 3);
        b.Property(x => x.Quantity).HasPrecision(18, 3);
        b.Property(x => x.Timing).HasMaxLength(200);
        b.Property(x => x.Usage).HasMaxLength(500);
        b.Property(x => x.AllergyOverrideReason).HasMaxLength(500);
        b.HasOne(x => x.Drug).WithMany().HasForeignKey(x => x.DrugId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Billing.Charge>().WithMany().HasForeignKey(x => x.ChargeId).OnDelete(DeleteBehavior.Restrict);
    }
}
