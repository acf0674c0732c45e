using Hospital.Domain.Audit;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hospital.Lis.Specimens;

/// <summary>A test of a scanned specimen as the receipt screen lists it.</summary>
public sealed record ReceivedTest(string Code, string Name, LabTestStatus Status);

/// <summary>The scanned specimen: whose it is, what it carries, and whether this scan received it or it already was.</summary>
public sealed record SpecimenReceiptResult(
    long SpecimenId, long LabOrderId, string Barcode, SpecimenType SpecimenType, int PatientId, string PatientCode, string PatientName,
    DateOnly? DateOfBirth, int BirthYear, DateTime ReceivedAt, string ReceivedBy, bool AlreadyReceived, IReadOnlyList<ReceivedTest> Tests);

/// <summary>
/// Receipt of a specimen in the lab by scanning its barcode (nhận mẫu): the specimen gets its
/// receipt time (and collection time, if the ward did not record one), its ordered tests become
/// Received, and <see cref="ISpecimenReceivedListener"/>s are told once it is stored. Scanning a
/// received tube again changes nothing and says when it was received.
/// </summary>
public sealed class SpecimenReceipt(HospitalDbContext db, IAuditUser user, TimeProvider clock,
    IEnumerable<ISpecimenReceivedListener> listeners, ILogger<SpecimenReceipt> log)
{
    /// <exception cref="DomainException">Empty or unknown barcode (Vietnamese message for the scan box).</exception>
    public async Task<SpecimenReceiptResult> ReceiveAsync(string? barcode, CancellationToken ct = default)
    {
        var code = barcode?.Trim() ?? "";
        if (code.Length == 0) throw new DomainException("Chưa quét mã vạch ống mẫu.");
        var specimen = await db.Set<Specimen>().Include(s => s.Tests).ThenInclude(t => t.LabTest)
            .FirstOrDefaultAsync(s => s.Barcode == code, ct)
            ?? throw new DomainException($"Không tìm thấy ống mẫu có mã vạch \"{code}\". Kiểm tra lại nhãn hoặc chỉ định xét nghiệm.");
        var withdrawn = await CancelWithdrawnAsync(specimen, ct);
        if (specimen.Tests.All(t => t.Status == LabTestStatus.Cancelled))
        {
            if (withdrawn) await db.SaveChangesAsync(ct);
            throw new DomainException($"Ống mẫu {code}: các xét nghiệm đã bị hủy, không nhận mẫu.");
        }

        var already = specimen.ReceivedAt is not null;
        if (!already)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            specimen.ReceivedAt = now;
            specimen.ReceivedBy = user.UserName;
            if (specimen.CollectedAt is null)
            {
                specimen.CollectedAt = now;
                specimen.CollectedBy = user.UserName;
            }
            foreach (var t in specimen.Tests.Where(t => t.Status is LabTestStatus.Ordered or LabTestStatus.Collected))
            {
                t.Status = LabTestStatus.Received;
                t.StatusChangedAt = now;
            }
            await db.SaveChangesAsync(ct);
            await NotifyAsync(specimen, ct);
        }
        else if (withdrawn)
            await db.SaveChangesAsync(ct);

        var patient = await db.Set<Domain.Patients.Patient>().AsNoTracking().Where(p => p.Id == specimen.PatientId)
            .Select(p => new { p.Code, p.FullName, p.DateOfBirth, p.BirthYear }).SingleAsync(ct);
        return new SpecimenReceiptResult(specimen.Id, specimen.LabOrderId, specimen.Barcode, specimen.SpecimenType, specimen.PatientId,
            patient.Code, patient.FullName, patient.DateOfBirth, patient.BirthYear, specimen.ReceivedAt!.Value, specimen.ReceivedBy ?? "",
            already, specimen.Tests.OrderBy(t => t.LabTest!.Position).ThenBy(t => t.Id)
                .Select(t => new ReceivedTest(t.TestCode, t.LabTest!.Name, t.Status)).ToList());
    }

    /// <summary>
    /// Tests whose EMR order was cancelled after the tube was labelled are cancelled here, when the
    /// tube reaches the lab: the EMR cannot reach into the LIS (DESIGN.md "References"), and the lab
    /// must not run what the doctor withdrew. The caller saves (with the receipt). Returns whether any test was cancelled.
    /// </summary>
    private async Task<bool> CancelWithdrawnAsync(Specimen specimen, CancellationToken ct)
    {
        var orderIds = specimen.Tests.Where(t => t.ServiceOrderId is not null && t.Status != LabTestStatus.Cancelled)
            .Select(t => t.ServiceOrderId!.Value).Distinct().ToList();
        if (orderIds.Count == 0) return false;
        var withdrawn = await db.Set<Domain.Clinical.ServiceOrder>().AsNoTracking()
            .Where(o => orderIds.Contains(o.Id) && (o.VoidedAt != null || o.Status == Domain.Clinical.OrderStatus.Cancelled))
            .Select(o => o.Id).ToListAsync(ct);
        if (withdrawn.Count == 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var t in specimen.Tests.Where(t => t.ServiceOrderId is { } id && withdrawn.Contains(id) && t.Status != LabTestStatus.Cancelled))
        {
            t.Status = LabTestStatus.Cancelled;
            t.StatusChangedAt = now;
        }
        return true;
    }

    private async Task NotifyAsync(Specimen specimen, CancellationToken ct)
    {
        var received = new SpecimenReceived(specimen.Id, specimen.Barcode, specimen.PatientId, specimen.SpecimenType,
            specimen.Tests.Where(t => t.Status == LabTestStatus.Received).Select(t => t.TestCode).ToList(), specimen.ReceivedAt!.Value);
        foreach (var listener in listeners)
        {
            try { await listener.SpecimenReceivedAsync(received, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Specimen {Barcode} received, but listener {Listener} failed", specimen.Barcode, listener.GetType().Name);
            }
        }
    }
}
