using Hospital.Domain.Common;

namespace Hospital.Domain.Clinical;

/// <summary>One validated value of a lab test as the LIS releases it.</summary>
/// <param name="Source">Analyser name, or "thủ công" when entered by hand.</param>
public sealed record ReleasedValue(
    string TestCode, string TestName, string Value, string? Unit, string? ReferenceRange, ResultFlag Flag,
    DateTime ResultedAt, string? Source = null);

/// <param name="Performed">Every expected test of the order now has a value: the order (and its charge) became Performed.</param>
public sealed record LabReleaseOutcome(IReadOnlyList<ServiceResult> Added, int Superseded, bool Performed);

/// <summary>
/// How the LIS releases validated results into the record (issue 5 will call it; the EMR only
/// reads <see cref="ServiceResult"/>). It lives in Domain because the LIS and the EMR never
/// reference each other (DESIGN.md "References"). A released value replaces the current value of
/// the same test on the same order without erasing it: the old row gets
/// <see cref="ServiceResult.SupersededAt"/> and stays as history (a rerun, a corrected value).
/// When every test the LIS expects for the order has a current value the order is Performed,
/// and so is its charge (XML3 NGAY_KQ). Changes are made in the context; the caller saves, so a
/// validation and its release land together.
/// </summary>
public static class LabResultRelease
{
    /// <param name="expectedTests">Test codes that make up the ordered service in the LIS catalog (e.g. WBC, RBC, HGB… of a blood count).</param>
    /// <param name="releasedBy">User name of the validating technician or doctor; <paramref name="staffId"/> their staff entry.</param>
    public static async Task<LabReleaseOutcome> ReleaseAsync(DbContext db, long orderId, IReadOnlyCollection<string> expectedTests,
        IReadOnlyList<ReleasedValue> values, string releasedBy, int? staffId, TimeProvider clock, CancellationToken ct = default)
    {
        var order = await db.Set<ServiceOrder>().Include(o => o.Charge).FirstOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw new DomainException($"Không tìm thấy chỉ định số {orderId}.");
        if (order.Kind != OrderKind.Lab) throw new DomainException($"Chỉ định {order.ServiceName} không phải xét nghiệm.");
        if (order.IsVoided() || order.Status == OrderStatus.Cancelled)
            throw new DomainException($"Chỉ định {order.ServiceName} đã bị hủy, không trả kết quả được.");
        if (values.Count == 0) throw new DomainException("Không có kết quả nào để trả.");
        if (values.FirstOrDefault(v => string.IsNullOrWhiteSpace(v.TestCode) || string.IsNullOrWhiteSpace(v.Value)) is { } empty)
            throw new DomainException($"Xét nghiệm {empty.TestName} chưa có mã hoặc giá trị.");
        if (values.GroupBy(v => v.TestCode.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"Xét nghiệm {twice.Key} có hai giá trị trong cùng một lần trả.");

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = values.Select(v => v.TestCode.Trim()).ToList();
        var current = await db.Set<ServiceResult>()
            .Where(r => r.ServiceOrderId == order.Id && r.SupersededAt == null).ToListAsync(ct);
        var superseded = 0;
        foreach (var old in current.Where(r => codes.Contains(r.TestCode, StringComparer.OrdinalIgnoreCase)))
        {
            old.SupersededAt = now;
            superseded++;
        }
        var added = values.Select(v => new ServiceResult
        {
            ServiceOrderId = order.Id,
            PatientId = order.PatientId,
            TestCode = v.TestCode.Trim(),
            TestName = v.TestName.Trim(),
            Value = v.Value.Trim(),
            Unit = v.Unit,
            ReferenceRange = v.ReferenceRange,
            Flag = v.Flag,
            ResultedAt = v.ResultedAt,
            ReleasedAt = now,
            ReleasedBy = releasedBy,
            Source = v.Source,
        }).ToList();
        db.AddRange(added);

        var have = current.Where(r => r.SupersededAt is null).Select(r => r.TestCode).Concat(codes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var performed = expectedTests.Count > 0 ? expectedTests.All(have.Contains) : true;
        if (performed && order.Status != OrderStatus.Performed)
        {
            order.Status = OrderStatus.Performed;
            order.PerformedAt = now;
            order.PerformedBy = releasedBy;
            order.PerformingStaffId = staffId;
            if (order.Charge is { } charge)
            {
                charge.PerformedAt = now;
                charge.PerformingStaffId = staffId;
            }
        }
        else if (!performed && order.Status == OrderStatus.Ordered)
            order.Status = OrderStatus.InProgress;
        return new LabReleaseOutcome(added, superseded, order.Status == OrderStatus.Performed);
    }
}
