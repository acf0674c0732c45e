using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Emr.Exams;

/// <summary>What an autosave did: the new revision and time, or why nothing was stored.</summary>
public sealed record DraftSave(int Revision, DateTime? SavedAt, IReadOnlyList<FieldError> Errors, bool Conflict = false, decimal? Bmi = null)
{
    public bool Ok => Errors.Count == 0 && !Conflict;
}

/// <summary>
/// The exam record of a visit while it is a draft: starting the exam (the record exists from the
/// first "start exam", so the worklist shows who is being examined), saving the draft on every
/// change (autosave: a browser crash loses nothing), and the "waiting for results" state. A save
/// from a stale tab (its <see cref="ExamDraft.Revision"/> is behind) stores nothing and says so;
/// the concurrency token catches the race between two saves of the same instant.
/// </summary>
public sealed class ExamRecords(HospitalDbContext db, TimeProvider clock)
{
    public const string ConcludedMessage =
        "Hồ sơ khám đã kết thúc và đã ký: không sửa được nữa. Nội dung cần thêm hoặc đính chính hãy ghi bằng phiếu bổ sung có ký số.";
    public const string ConflictMessage =
        "Hồ sơ này vừa được lưu ở một thẻ hoặc máy khác. Tải lại trang để xem bản mới nhất trước khi sửa tiếp (nội dung bạn vừa gõ chưa được lưu).";

    /// <summary>
    /// Creates the Draft record of the visit if it has none and puts the visit in exam (from
    /// waiting or waiting for results). Returns the record, tracked; the caller saves.
    /// </summary>
    public async Task<ExamRecord> StageStartAsync(int visitId, string user, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new DomainException("Không tìm thấy lượt khám này.");
        if (visit.Status == VisitStatus.Cancelled || visit.VoidedAt is not null)
            throw new DomainException("Lượt khám đã bị hủy: không khám được.");
        var exam = await db.Set<ExamRecord>().FirstOrDefaultAsync(e => e.VisitId == visitId, ct);
        if (exam is null)
        {
            exam = new ExamRecord
            {
                VisitId = visitId,
                PatientId = visit.PatientId,
                Status = ExamStatus.Draft,
                StartedBy = user,
                StartedAt = clock.GetUtcNow().UtcDateTime,
                Reason = visit.Reason,
                DoctorStaffId = await StaffIdOfAsync(user, ct),
            };
            db.Add(exam);
        }
        if (exam.Status == ExamStatus.Draft && visit.Status is VisitStatus.Waiting or VisitStatus.WaitingResults)
            visit.Status = VisitStatus.InExam;
        return exam;
    }

    /// <summary>Starts the exam (idempotent) and saves.</summary>
    public async Task<ExamRecord> StartAsync(int visitId, string user, CancellationToken ct = default)
    {
        var exam = await StageStartAsync(visitId, user, ct);
        await db.SaveChangesAsync(ct);
        return exam;
    }

    /// <summary>
    /// Validates the draft and copies it into the tracked record and the visit's vital-signs row,
    /// without saving; returns the errors instead when there are any (and changes nothing then).
    /// </summary>
    public async Task<(ExamRecord? Exam, VitalSigns? Vitals, DraftSave Result)> StageDraftAsync(int visitId, ExamDraft draft, string user, CancellationToken ct = default)
    {
        var errors = ExamDraftRules.Check(draft);
        if (errors.Count > 0) return (null, null, new DraftSave(draft.Revision, null, errors));
        var exam = await StageStartAsync(visitId, user, ct);
        if (exam.Status == ExamStatus.Concluded)
            return (exam, null, new DraftSave(exam.Revision, null, [new("", ConcludedMessage)]));
        if (exam.Id != 0 && exam.Revision != draft.Revision)
            return (exam, null, new DraftSave(exam.Revision, exam.DraftSavedAt, [], Conflict: true));

        draft.ApplyTo(exam);
        var now = clock.GetUtcNow().UtcDateTime;
        exam.DraftSavedAt = now;
        exam.DraftSavedBy = user;
        // The token compared in the UPDATE is the revision the form was loaded with.
        if (exam.Id != 0) db.Entry(exam).Property(e => e.Revision).OriginalValue = draft.Revision;
        exam.Revision = draft.Revision + 1;

        var vitals = await StageVitalsAsync(exam, draft.Vitals, user, now, ct);
        return (exam, vitals, new DraftSave(exam.Revision, now, [], Bmi: vitals?.Bmi));
    }

    /// <summary>The autosave: one save of the whole form, or nothing stored and the reason.</summary>
    public async Task<DraftSave> SaveDraftAsync(int visitId, ExamDraft draft, string user, CancellationToken ct = default)
    {
        var (_, _, result) = await StageDraftAsync(visitId, draft, user, ct);
        if (!result.Ok)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Set<ExamRecord>().AsNoTracking().Where(e => e.VisitId == visitId)
                .Select(e => new { e.Revision, e.DraftSavedAt }).FirstAsync(ct);
            return new DraftSave(stored.Revision, stored.DraftSavedAt, [], Conflict: true);
        }
    }

    /// <summary>
    /// "Chờ kết quả": the patient went for tests; the worklist shows them apart until the doctor
    /// re-opens the exam (<paramref name="waiting"/> false), which puts the visit back in exam.
    /// </summary>
    public async Task SetWaitingForResultsAsync(int visitId, bool waiting, string user, CancellationToken ct = default)
    {
        var exam = await StageStartAsync(visitId, user, ct);
        if (exam.Status == ExamStatus.Concluded) throw new DomainException(ConcludedMessage);
        var visit = await db.Set<Visit>().FirstAsync(v => v.Id == visitId, ct);
        visit.Status = waiting ? VisitStatus.WaitingResults : VisitStatus.InExam;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The exam's own vital-signs row (the latest not voided of the visit): updated in place while
    /// the exam is a draft, created with the first value typed. A nurse's earlier set stays as it was
    /// when it was taken before the exam started.
    /// </summary>
    private async Task<VitalSigns?> StageVitalsAsync(ExamRecord exam, VitalsReading r, string user, DateTime now, CancellationToken ct)
    {
        var row = await db.Set<VitalSigns>()
            .Where(v => v.VisitId == exam.VisitId && v.VoidedAt == null && v.MeasuredAt >= exam.StartedAt)
            .OrderByDescending(v => v.MeasuredAt).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            if (r.IsEmpty) return null;
            row = new VitalSigns { VisitId = exam.VisitId, PatientId = exam.PatientId, MeasuredAt = now, RecordedBy = user };
            db.Add(row);
        }
        row.Pulse = r.Pulse;
        row.TemperatureC = r.TemperatureC;
        row.SystolicMmHg = r.SystolicMmHg;
        row.DiastolicMmHg = r.DiastolicMmHg;
        row.RespiratoryRate = r.RespiratoryRate;
        row.SpO2Percent = r.SpO2Percent;
        row.HeightCm = r.HeightCm;
        row.WeightKg = r.WeightKg;
        row.Bmi = Bmi.Compute(r.HeightCm, r.WeightKg);
        return row;
    }

    private async Task<int?> StaffIdOfAsync(string user, CancellationToken ct) =>
        await db.Set<Hospital.Domain.Identity.AppUser>().AsNoTracking()
            .Where(u => u.UserName == user).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
}
