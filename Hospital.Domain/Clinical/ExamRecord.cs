using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Clinical;

public enum ExamStatus { Draft = 0, Concluded = 1 }

/// <summary>Hướng xử trí at the end of an outpatient exam.</summary>
public enum ExamDisposition { None = 0, Home = 1, Admit = 2, ReferOut = 3 }

/// <summary>
/// The outpatient exam record (phiếu khám bệnh) of one visit: what the doctor asked, found,
/// diagnosed and decided. Diagnoses are kept as XML1 carries them (MA_BENH_CHINH, MA_BENH_KT of
/// at most 12 codes joined by ";"), with their text as written. While <see cref="Status"/> is
/// Draft the doctor's screen autosaves into it; concluding locks it, and later changes are
/// signed addenda (<see cref="ExamAddendum"/>), never edits (Luật KCB 2023 Đ7 k10).
/// </summary>
public class ExamRecord : Common.ILockableRecord
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PatientId { get; set; }
    public ExamStatus Status { get; set; }

    /// <summary>Who started the exam (user name) and the staff entry (CCHN) of that doctor.</summary>
    public string StartedBy { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public int? DoctorStaffId { get; set; }

    public string? Reason { get; set; }
    public string? PresentIllness { get; set; }
    public string? PastHistory { get; set; }
    public string? FamilyHistory { get; set; }

    // Khám bệnh by body system (phiếu khám bệnh, TT 32/2023 PL XXIX).
    public string? ExamGeneral { get; set; }
    public string? ExamCardiovascular { get; set; }
    public string? ExamRespiratory { get; set; }
    public string? ExamDigestive { get; set; }
    public string? ExamRenalUrinary { get; set; }
    public string? ExamNeurological { get; set; }
    public string? ExamMusculoskeletal { get; set; }
    public string? ExamEnt { get; set; }
    public string? ExamOther { get; set; }

    public string? PrimaryDiagnosisCode { get; set; }
    public string? PrimaryDiagnosisText { get; set; }
    /// <summary>Secondary ICD-10 codes joined by ";" (MA_BENH_KT, at most 12).</summary>
    public string? SecondaryDiagnosisCodes { get; set; }
    public string? SecondaryDiagnosisText { get; set; }

    public string? Conclusion { get; set; }
    public string? TreatmentPlan { get; set; }
    /// <summary>KET_QUA_DTRI code (1 khỏi ... 7 chưa xác định, bhyt-claims.md).</summary>
    public int? OutcomeCode { get; set; }
    public ExamDisposition Disposition { get; set; }
    public DateOnly? FollowUpDate { get; set; }
    public string? FollowUpNote { get; set; }

    // Giấy chuyển tuyến (refer out).
    public string? ReferToFacilityCode { get; set; }
    public string? ReferToFacilityName { get; set; }
    /// <summary>1 = đủ điều kiện chuyển tuyến (medical need), 2 = theo yêu cầu người bệnh.</summary>
    public int? ReferralReasonCode { get; set; }
    public string? ReferralClinicalSummary { get; set; }
    public string? ReferralTreatmentGiven { get; set; }
    public string? ReferralConditionAtTransfer { get; set; }
    public string? ReferralTransport { get; set; }

    /// <summary>Last autosave of the draft (server time) and who made it.</summary>
    public DateTime? DraftSavedAt { get; set; }
    public string? DraftSavedBy { get; set; }
    /// <summary>Bumped on every save: two tabs saving the same draft find out instead of overwriting.</summary>
    public int Revision { get; set; }

    public DateTime? ConcludedAt { get; set; }
    public string? ConcludedBy { get; set; }

    public bool IsLocked => Status == ExamStatus.Concluded;
}

internal sealed class ExamRecordConfiguration : IEntityTypeConfiguration<ExamRecord>
{
    public void Configure(EntityTypeBuilder<ExamRecord> b)
    {
        b.HasIndex(x => x.VisitId).IsUnique();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.Disposition).HasConversion<int>();
        b.Property(x => x.StartedBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(1000);
        foreach (var text in new[]
                 {
                     nameof(ExamRecord.PresentIllness), nameof(ExamRecord.PastHistory), nameof(ExamRecord.FamilyHistory),
                     nameof(ExamRecord.ExamGeneral), nameof(ExamRecord.ExamCardiovascular), nameof(ExamRecord.ExamRespiratory),
                     nameof(ExamRecord.ExamDigestive), nameof(ExamRecord.ExamRenalUrinary), nameof(ExamRecord.ExamNeurological),
                     nameof(ExamRecord.ExamMusculoskeletal), nameof(ExamRecord.ExamEnt), nameof(ExamRecord.ExamOther),
                     nameof(ExamRecord.Conclusion), nameof(ExamRecord.TreatmentPlan),
                     nameof(ExamRecord.ReferralClinicalSummary), nameof(ExamRecord.ReferralTreatmentGiven),
                 })
            b.Property(text).HasMaxLength(4000);
        b.Property(x => x.PrimaryDiagnosisCode).HasMaxLength(10);
        b.Property(x => x.PrimaryDiagnosisText).HasMaxLength(1000);
        b.Property(x => x.SecondaryDiagnosisCodes).HasMaxLength(200);
        b.Property(x => x.SecondaryDiagnosisText).HasMaxLength(2000);
        b.Property(x => x.FollowUpNote).HasMaxLength(500);
        b.Property(x => x.ReferToFacilityCode).HasMaxLength(10);
        b.Property(x => x.ReferToFacilityName).HasMaxLength(300);
        b.Property(x => x.ReferralConditionAtTransfer).HasMaxLength(1000);
        b.Property(x => x.ReferralTransport).HasMaxLength(300);
        b.Property(x => x.DraftSavedBy).HasMaxLength(256);
        b.Property(x => x.ConcludedBy).HasMaxLength(256);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.IsLocked);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Catalog.Staff>().WithMany().HasForeignKey(x => x.DoctorStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
