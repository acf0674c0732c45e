using System.Globalization;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Results;

/// <summary>An ordered test a technician may put an unmatched value on: on the tube, not cancelled, not yet validated.</summary>
public sealed record AssignableTest(string Code, string Name, LabTestStatus Status, bool HasResult);

/// <summary>
/// Where an unmatched value can go on one tube. <see cref="SpecimenFound"/> false: no tube has the
/// barcode. <see cref="SuggestedCode"/>: the test the analyser's code map names, when the tube has it.
/// </summary>
public sealed record AssignmentChoices(string Barcode, bool SpecimenFound, IReadOnlyList<AssignableTest> Tests, string? SuggestedCode);

/// <summary>
/// The technician's side of the unmatched results queue (issue 5 item 10; OpenELIS's unmapped-code
/// inbox, lis-protocols.md §5 and §7.5): a value the import could not match is assigned to the right
/// tube and ordered test, where it becomes a pending result like any other, or discarded with a
/// reason. Either way the row stays, with who settled it, when and how.
/// Two technicians may open the same row: the first to save wins, the other is told so (a
/// conditional update claims the row inside the transaction; see <see cref="ClaimAsync"/>).
/// </summary>
public sealed class UnmatchedResultResolution(HospitalDbContext db, LabResultFeed feed, TimeProvider clock)
{
    public const string AssignedNotice = "unmatched-assigned";

    /// <summary>Rows still waiting for a technician, oldest first.</summary>
    public Task<List<UnmatchedLabResult>> OpenAsync(CancellationToken ct) =>
        db.Set<UnmatchedLabResult>().AsNoTracking().Where(u => u.ResolvedAt == null)
            .OrderBy(u => u.ReceivedAt).ThenBy(u => u.Id).ToListAsync(ct);

    public Task<UnmatchedLabResult?> FindAsync(long id, CancellationToken ct) =>
        db.Set<UnmatchedLabResult>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>The tests of the tube with <paramref name="barcode"/> that <paramref name="row"/> could be assigned to.</summary>
    public async Task<AssignmentChoices> ChoicesAsync(UnmatchedLabResult row, string? barcode, CancellationToken ct)
    {
        var code = (barcode ?? "").Trim();
        var specimenId = code.Length == 0 ? null
            : await db.Set<Specimen>().Where(s => s.Barcode == code).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (specimenId is null) return new AssignmentChoices(code, false, [], null);
        var tests = await db.Set<LabOrderTest>().AsNoTracking()
            .Where(t => t.SpecimenId == specimenId && t.Status != LabTestStatus.Cancelled
                        && t.Status != LabTestStatus.Validated && t.Status != LabTestStatus.Released)
            .OrderBy(t => t.LabTest!.Position).ThenBy(t => t.Id)
            .Select(t => new AssignableTest(t.TestCode, t.LabTest!.Name, t.Status,
                db.Set<LabResult>().Any(r => r.LabOrderTestId == t.Id && r.SupersededAt == null)))
            .ToListAsync(ct);
        var mapped = await db.Set<AnalyserTestCode>().AsNoTracking()
            .Where(m => m.Analyser == row.Analyser && m.AnalyserCode == row.AnalyserTestCode)
            .Select(m => m.LabTest!.Code).FirstOrDefaultAsync(ct);
        return new AssignmentChoices(code, true, tests, tests.Any(t => t.Code == mapped) ? mapped : null);
    }

    /// <summary>
    /// Puts the value on test <paramref name="testCode"/> of the tube <paramref name="barcode"/> as a
    /// pending result (an earlier current value of that test becomes history) and closes the row.
    /// Throws <see cref="DomainException"/> (Vietnamese) when it cannot, with nothing stored.
    /// </summary>
    public async Task<LabResult> AssignAsync(long id, string? barcode, string? testCode, string user, CancellationToken ct)
    {
        var row = await OpenRowAsync(id, ct);
        var code = (barcode ?? "").Trim();
        if (code.Length == 0) throw new DomainException("Nhập mã vạch ống mẫu cần gán kết quả.");
        var test = (testCode ?? "").Trim();
        if (test.Length == 0) throw new DomainException("Chọn xét nghiệm cần gán kết quả.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var specimen = await db.Set<Specimen>().FirstOrDefaultAsync(s => s.Barcode == code, ct)
            ?? throw new DomainException($"Không tìm thấy ống mẫu có mã vạch \"{code}\".");
        var orderTest = await db.Set<LabOrderTest>().Include(t => t.LabTest!).ThenInclude(t => t.Ranges)
            .Where(t => t.SpecimenId == specimen.Id && t.TestCode == test && t.Status != LabTestStatus.Cancelled)
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"Xét nghiệm {test} không được chỉ định trên ống mẫu {code}.");
        if (orderTest.Status is LabTestStatus.Validated or LabTestStatus.Released)
            throw new DomainException($"Xét nghiệm {test} của ống mẫu {code} đã được duyệt; không gán thêm kết quả được.");
        await ClaimAsync(row.Id, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var patient = await db.Set<Patient>().AsNoTracking().FirstAsync(p => p.Id == specimen.PatientId, ct);
        var current = await db.Set<LabResult>().FirstOrDefaultAsync(r => r.LabOrderTestId == orderTest.Id && r.SupersededAt == null, ct);
        var result = LabResultDrafting.Draft(orderTest, specimen, orderTest.LabTest!, SpecimenPatient.Of(patient, specimen, now), current,
            row.Value, row.Unit, row.AnalyserFlags, now);
        result.Analyser = row.Analyser;
        result.AnalyserTestCode = row.AnalyserTestCode;
        result.InstrumentAt = row.InstrumentAt;
        // When the analyser sent it, not when it was assigned: the worklist and the turnaround time count from there.
        result.ReceivedAt = row.ReceivedAt;
        result.AnalyserMessageId = row.AnalyserMessageId;
        db.Add(result);
        await db.SaveChangesAsync(ct);

        var tracked = await db.Set<UnmatchedLabResult>().FirstAsync(u => u.Id == row.Id, ct);
        Close(tracked, UnmatchedResolution.Assigned, $"Gán cho ống {code}, xét nghiệm {orderTest.TestCode}", user, now);
        tracked.AssignedLabResultId = result.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        feed.Publish(new LabResultNotice(specimen.Id, specimen.Barcode, row.Analyser, orderTest.LabTest!.Section, AssignedNotice));
        return result;
    }

    /// <summary>Closes the row without a result; the reason is required and kept.</summary>
    public async Task DiscardAsync(long id, string? reason, string user, CancellationToken ct)
    {
        var row = await OpenRowAsync(id, ct);
        var why = (reason ?? "").Trim();
        if (why.Length == 0) throw new DomainException("Nhập lý do hủy kết quả chưa khớp.");
        if (why.Length > 500) throw new DomainException("Lý do hủy tối đa 500 ký tự.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ClaimAsync(row.Id, ct);
        var tracked = await db.Set<UnmatchedLabResult>().FirstAsync(u => u.Id == row.Id, ct);
        Close(tracked, UnmatchedResolution.Discarded, why, user, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<UnmatchedLabResult> OpenRowAsync(long id, CancellationToken ct)
    {
        var row = await FindAsync(id, ct) ?? throw new DomainException($"Không tìm thấy kết quả chưa khớp #{id}.");
        return row.ResolvedAt is null ? row : throw AlreadyResolved(row);
    }

    /// <summary>
    /// Takes the row for this transaction, or says someone else already settled it. The update
    /// changes nothing but matches only an open row: PostgreSQL makes a second claimant wait for the
    /// first one's commit and then re-checks the condition (READ COMMITTED), so it matches nothing;
    /// on SQLite the transaction holds the write lock (BEGIN IMMEDIATE) and the second one waits outright.
    /// The changes themselves then go through SaveChanges, so the audit trail records them.
    /// </summary>
    private async Task ClaimAsync(long id, CancellationToken ct)
    {
        var claimed = await db.Set<UnmatchedLabResult>().Where(u => u.Id == id && u.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ResolvedBy, u => u.ResolvedBy), ct);
        if (claimed == 1) return;
        var row = await FindAsync(id, ct);
        throw row is null ? new DomainException($"Không tìm thấy kết quả chưa khớp #{id}.") : AlreadyResolved(row);
    }

    private static void Close(UnmatchedLabResult row, UnmatchedResolution resolution, string note, string user, DateTime now)
    {
        row.Resolution = resolution;
        row.ResolutionNote = note.Length > 500 ? note[..500] : note;
        row.ResolvedBy = user;
        row.ResolvedAt = now;
    }

    private static DomainException AlreadyResolved(UnmatchedLabResult row) => new(
        $"Kết quả chưa khớp #{row.Id} đã được {(row.Resolution == UnmatchedResolution.Discarded ? "hủy" : "gán")} bởi {row.ResolvedBy} " +
        $"lúc {VietnamCalendar.ToLocal(row.ResolvedAt ?? default).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}; không xử lý lại được.");
}
