using Hospital.Domain.Audit;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Lis.Results;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Validation;

/// <summary>Which results a technician acts on: one result, or every result of a specimen waiting for validation.</summary>
public sealed record ResultSelection(long? ResultId, long? SpecimenId)
{
    public static ResultSelection Result(long id) => new(id, null);
    public static ResultSelection Specimen(long id) => new(null, id);
}

/// <summary>What a technician's action did.</summary>
public sealed record ValidationOutcome(long SpecimenId, string Barcode, int Count, IReadOnlyList<CriticalValueAlert> Alerts);

/// <summary>
/// The technician's validation (duyệt kết quả, issue 5 item 11): validate, reject or send for a
/// rerun the current results that wait for validation, per test or per specimen, and type in
/// values of tests no analyser runs. Validation releases to the EMR in the same save
/// (<see cref="ResultSignOff"/>). Rejected and rerun results stay as history with their reason;
/// the test waits for a new value. Each action tells the open validation screens (LabResultFeed).
/// </summary>
public sealed class LabResultValidation(HospitalDbContext db, IAuditUser user, TimeProvider clock, LabResultFeed feed, ArrivingResultChecks checks)
{
    public const int MaxReasonLength = 500;

    /// <exception cref="DomainException">Nothing waiting, or an EMR order was cancelled.</exception>
    public async Task<ValidationOutcome> ValidateAsync(ResultSelection which, CancellationToken ct = default)
    {
        var (specimen, results) = await PendingAsync(which, ct);
        var staffId = await StaffOfUser.IdAsync(db, user.UserName, ct);
        var outcome = await ResultSignOff.SignOffAsync(db, results, user.UserName, staffId, automatic: false, clock, ct);
        await db.SaveChangesAsync(ct);
        Publish(specimen, results, "validated");
        return new ValidationOutcome(specimen.Id, specimen.Barcode, outcome.Validated, outcome.Alerts);
    }

    /// <summary>The values are wrong (clot, haemolysis, wrong tube): kept as history with the reason; the tests wait for a new value.</summary>
    public Task<ValidationOutcome> RejectAsync(ResultSelection which, string? reason, CancellationToken ct = default) =>
        SetAsideAsync(which, reason, LabResultStatus.Rejected, ct);

    /// <summary>Run again on the analyser: the tests go back on its worklist; the next value supersedes this one.</summary>
    public Task<ValidationOutcome> RerunAsync(ResultSelection which, string? reason, CancellationToken ct = default) =>
        SetAsideAsync(which, reason, LabResultStatus.RerunRequested, ct);

    private async Task<ValidationOutcome> SetAsideAsync(ResultSelection which, string? reason, LabResultStatus status, CancellationToken ct)
    {
        var why = reason?.Trim() ?? "";
        var verb = status == LabResultStatus.Rejected ? "loại bỏ" : "chạy lại";
        if (why.Length == 0) throw new DomainException($"Cần ghi lý do {verb} kết quả.");
        if (why.Length > MaxReasonLength) throw new DomainException($"Lý do {verb} dài quá {MaxReasonLength} ký tự.");
        var (specimen, results) = await PendingAsync(which, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var testIds = results.Select(r => r.LabOrderTestId).ToList();
        var tests = await db.Set<LabOrderTest>().Where(t => testIds.Contains(t.Id)).ToListAsync(ct);
        var released = await db.Set<LabResult>().Where(r => testIds.Contains(r.LabOrderTestId) && r.ReleasedAt != null)
            .Select(r => r.LabOrderTestId).Distinct().ToListAsync(ct);
        foreach (var r in results)
        {
            r.Status = status;
            r.StatusReason = why;
            r.StatusChangedAt = now;
            r.StatusChangedBy = user.UserName;
        }
        foreach (var t in tests)
        {
            // A rejected value of a test released before leaves the released value standing; a rerun puts the test back on the analyser's worklist.
            t.Status = status == LabResultStatus.Rejected && released.Contains(t.Id) ? LabTestStatus.Released : LabTestStatus.Received;
            t.StatusChangedAt = now;
        }
        await db.SaveChangesAsync(ct);
        Publish(specimen, results, status == LabResultStatus.Rejected ? "rejected" : "rerun");
        return new ValidationOutcome(specimen.Id, specimen.Barcode, results.Count, []);
    }

    /// <summary>
    /// A value typed in for a test no analyser runs: stored as the test's current result (an
    /// earlier one becomes history), flagged against the patient's range, delta-checked, waiting for validation.
    /// </summary>
    /// <exception cref="DomainException">Unknown test, a test an analyser runs, a tube not received, or a value that does not fit the test.</exception>
    public async Task<LabResult> EnterAsync(long labOrderTestId, string? typed, CancellationToken ct = default)
    {
        var test = await db.Set<LabOrderTest>().Include(t => t.LabTest).ThenInclude(l => l!.Ranges).Include(t => t.Specimen)
            .FirstOrDefaultAsync(t => t.Id == labOrderTestId, ct)
            ?? throw new DomainException("Không tìm thấy xét nghiệm đã chỉ định.");
        var lab = test.LabTest!;
        if (await db.Set<AnalyserTestCode>().AnyAsync(c => c.LabTestId == lab.Id, ct))
            throw new DomainException($"Xét nghiệm {lab.Name} được chạy trên máy: kết quả nhận từ máy, không nhập tay.");
        if (test.Status is LabTestStatus.Cancelled) throw new DomainException($"Xét nghiệm {lab.Name} đã bị hủy.");
        if (test.Specimen!.ReceivedAt is null || test.Status < LabTestStatus.Received)
            throw new DomainException($"Ống mẫu {test.Specimen.Barcode} chưa được nhận tại khoa xét nghiệm.");

        var (value, error) = ManualResultValue.Read(lab, typed);
        if (value is null) throw new DomainException(error!);

        var now = clock.GetUtcNow().UtcDateTime;
        var patient = await db.Set<Patient>().AsNoTracking().SingleAsync(p => p.Id == test.Specimen.PatientId, ct);
        var current = await db.Set<LabResult>().FirstOrDefaultAsync(r => r.LabOrderTestId == test.Id && r.SupersededAt == null, ct);
        var result = LabResultDrafting.Draft(test, test.Specimen, lab, SpecimenPatient.Of(patient, test.Specimen, now), current, value, null, null, now);
        result.InstrumentAt = now;
        result.Comment = $"Nhập tay bởi {user.UserName}";
        db.Add(result);
        await checks.CheckAsync(db, [result], autoVerify: false, ct);
        await db.SaveChangesAsync(ct);
        Publish(test.Specimen, [result], "entered");
        return result;
    }

    private async Task<(Specimen Specimen, List<LabResult> Results)> PendingAsync(ResultSelection which, CancellationToken ct)
    {
        var query = db.Set<LabResult>().Where(r => r.SupersededAt == null && r.Status == LabResultStatus.Pending);
        long specimenId;
        if (which.ResultId is { } id)
        {
            var one = await db.Set<LabResult>().AsNoTracking().Where(r => r.Id == id).Select(r => new { r.SpecimenId, r.Status, r.SupersededAt }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("Không tìm thấy kết quả xét nghiệm.");
            if (one.SupersededAt is not null || one.Status != LabResultStatus.Pending)
                throw new DomainException("Kết quả này đã được xử lý hoặc đã có giá trị mới hơn; tải lại danh sách.");
            query = query.Where(r => r.Id == id);
            specimenId = one.SpecimenId;
        }
        else if (which.SpecimenId is { } sid)
        {
            query = query.Where(r => r.SpecimenId == sid);
            specimenId = sid;
        }
        else throw new DomainException("Chưa chọn kết quả hoặc ống mẫu.");
        var specimen = await db.Set<Specimen>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == specimenId, ct)
            ?? throw new DomainException("Không tìm thấy ống mẫu.");
        var results = await query.OrderBy(r => r.Id).ToListAsync(ct);
        if (results.Count == 0) throw new DomainException($"Ống mẫu {specimen.Barcode} không còn kết quả nào chờ duyệt.");
        return (specimen, results);
    }

    private void Publish(Specimen specimen, IReadOnlyList<LabResult> results, string what) =>
        feed.Publish(new LabResultNotice(specimen.Id, specimen.Barcode, results.Select(r => r.Analyser).FirstOrDefault(a => a is not null), null, what));
}
