using Hospital.Domain.Catalog;
using Hospital.Domain.Common;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Visits;

/// <summary>
/// One outpatient visit (lượt khám ngoại trú), the unit reception registers, the doctor
/// concludes and the claim is built from. <see cref="MaLk"/> is the claim link code that ties
/// every XML table of the episode together and never changes (bhyt-claims.md §3.2).
/// The card fields are a snapshot of the card used, as checked at registration.
/// Cancelling before any service is done voids it (<see cref="IVoidable"/>).
/// </summary>
public class Visit : IVoidable
{
    public int Id { get; set; }
    /// <summary>Mã lượt khám, from a database sequence; printed as a barcode on the ticket.</summary>
    public string Code { get; set; } = "";
    /// <summary>MA_LK, from its own database sequence, unique.</summary>
    public string MaLk { get; set; } = "";
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public VisitKind Kind { get; set; }
    public VisitStatus Status { get; set; } = VisitStatus.Waiting;
    public DateTime RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    /// <summary>Local (Asia/Ho_Chi_Minh) day of the visit: queues and tickets are per day.</summary>
    public DateOnly VisitDate { get; set; }
    public string? Reason { get; set; }
    public bool Emergency { get; set; }
    public PriorityGroup Priority { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int RoomId { get; set; }
    public Room? Room { get; set; }

    // BHYT snapshot (only for Kind = Bhyt).
    public int? BhytCardId { get; set; }
    public string? CardNumber { get; set; }
    public DateOnly? CardValidFrom { get; set; }
    public DateOnly? CardValidTo { get; set; }
    public string? CardRegisteredFacilityCode { get; set; }
    public CardPresentation CardPresentation { get; set; }
    /// <summary>MA_DOITUONG_KCB as known at registration (provisional; the final one goes in XML1).</summary>
    public string? BenefitCategoryCode { get; set; }
    /// <summary>MUC_HUONG in percent (e.g. 80, 47.5) derived from the card level and the category.</summary>
    public decimal? PayableSharePercent { get; set; }
    public CardCheckState CardCheck { get; set; }
    public string? CardCheckMessage { get; set; }
    public DateTime? CardCheckedAt { get; set; }

    // Referral paper (giấy chuyển cơ sở KCB) the patient brought.
    public string? ReferralFromFacilityCode { get; set; }
    public string? ReferralNumber { get; set; }
    public string? ReferralDiagnosisCode { get; set; }
    public string? ReferralDiagnosisText { get; set; }
    public DateOnly? ReferralDate { get; set; }
    /// <summary>Re-exam appointment slip (giấy hẹn khám lại) presented, which keeps the full benefit.</summary>
    public bool HasAppointmentSlip { get; set; }

    /// <summary>When the XML0 check-in was queued (first chargeable item) and the portal's transaction code once sent.</summary>
    public DateTime? CheckInQueuedAt { get; set; }
    public string? CheckInTransactionCode { get; set; }

    public DateTime? VoidedAt { get; set; }
    public string? VoidedBy { get; set; }
    public string? VoidReason { get; set; }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.MaLk).HasMaxLength(100);
        b.HasIndex(x => x.MaLk).IsUnique();
        b.HasIndex(x => new { x.PatientId, x.RegisteredAt });
        b.HasIndex(x => new { x.VisitDate, x.RoomId });
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.CardPresentation).HasConversion<int>();
        b.Property(x => x.CardCheck).HasConversion<int>();
        b.Property(x => x.RegisteredBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.CardNumber).HasMaxLength(15);
        b.Property(x => x.CardRegisteredFacilityCode).HasMaxLength(10);
        b.Property(x => x.BenefitCategoryCode).HasMaxLength(4);
        b.Property(x => x.PayableSharePercent).HasPrecision(5, 2);
        b.Property(x => x.CardCheckMessage).HasMaxLength(500);
        b.Property(x => x.ReferralFromFacilityCode).HasMaxLength(10);
        b.Property(x => x.ReferralNumber).HasMaxLength(50);
        b.Property(x => x.ReferralDiagnosisCode).HasMaxLength(20);
        b.Property(x => x.ReferralDiagnosisText).HasMaxLength(500);
        b.Property(x => x.CheckInTransactionCode).HasMaxLength(100);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.HasOne(x => x.Patient).WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BhytCard>().WithMany().HasForeignKey(x => x.BhytCardId).OnDelete(DeleteBehavior.Restrict);
    }
}
