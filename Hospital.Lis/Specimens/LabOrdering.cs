using Hospital.Domain.Audit;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Hospital.Lis.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Specimens;

/// <summary>A lab order asked for in the lab (order form or API) by test codes.</summary>
public sealed record LabOrderRequest(int? PatientId, int? VisitId, IReadOnlyList<string> TestCodes, OrderPriority Priority,
    LabOrderSource Source = LabOrderSource.Api);

public enum LabOrderFailure { None, Invalid, NotFound, UnknownTest }

/// <summary>The stored order, or why nothing was stored (Vietnamese messages keyed by field).</summary>
public sealed record LabOrderResult(LabOrder? Order, LabOrderFailure Failure, IReadOnlyDictionary<string, string> Errors)
{
    public static LabOrderResult Fail(LabOrderFailure failure, string field, string message) =>
        new(null, failure, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Turns lab orders into <see cref="LabOrder"/>s with one barcoded <see cref="Specimen"/> per tube
/// (<see cref="SpecimenGrouping"/>): from the EMR's requests (the <c>lis.order-placed</c> outbox
/// message) and from the lab's own order form or API. One SaveChanges per order: the order, its
/// specimens and tests are stored together or not at all.
/// </summary>
public sealed class LabOrdering(HospitalDbContext db, LabCatalog catalog, SpecimenBarcodes barcodes, IAuditUser user, TimeProvider clock)
{
    /// <summary>
    /// The EMR request's lab orders as one lab order. Idempotent: a request already turned into a
    /// lab order (the same message delivered twice) returns that order and stores nothing; the
    /// unique request number stops two deliveries racing. Cancelled orders are left out; a request
    /// whose orders were all cancelled before the lab saw it makes nothing. A lab service that has
    /// no tests in the catalog fails the whole request for good (<see cref="PermanentOutboxFailure"/>,
    /// shown on the outbox screen), rather than some of its tubes being silently never drawn.
    /// </summary>
    public async Task<LabOrder?> FromRequestAsync(LabOrdersPlaced placed, CancellationToken ct = default)
    {
        var existing = await db.Set<LabOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.RequestNumber == placed.RequestNumber, ct);
        if (existing is not null) return existing;

        var ids = placed.OrderIds.ToList();
        var orders = await db.Set<ServiceOrder>().AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.Kind == OrderKind.Lab && o.RequestNumber == placed.RequestNumber)
            .OrderBy(o => o.Id).ToListAsync(ct);
        if (orders.Count != ids.Count)
            throw new PermanentOutboxFailure($"Phiếu chỉ định {placed.RequestNumber}: chỉ tìm thấy {orders.Count}/{ids.Count} chỉ định xét nghiệm.");
        var live = orders.Where(o => !o.IsVoided() && o.Status != OrderStatus.Cancelled).ToList();
        if (live.Count == 0) return null;

        var testsOf = await catalog.TestsOfServicesAsync(live.Select(o => o.ServiceId).ToList(), ct);
        var missing = live.Where(o => !testsOf.ContainsKey(o.ServiceId)).Select(o => $"{o.ServiceCode} {o.ServiceName}").ToList();
        if (missing.Count > 0)
            throw new PermanentOutboxFailure($"Phiếu chỉ định {placed.RequestNumber}: dịch vụ chưa được khai báo xét nghiệm thành phần trong danh mục xét nghiệm: {string.Join("; ", missing)}.");

        var first = live[0];
        var planned = live.SelectMany(o => testsOf[o.ServiceId].Select(t => new PlannedTest(t, o.Id)));
        var order = await BuildAsync(first.PatientId, first.VisitId, placed.RequestNumber, LabOrderSource.Emr,
            live.Any(o => o.Priority == OrderPriority.Stat) ? OrderPriority.Stat : OrderPriority.Routine, first.OrderedBy, planned, ct);
        await db.SaveChangesAsync(ct);
        return order;
    }

    /// <summary>An order made in the lab by test codes. Any unknown code refuses the whole order.</summary>
    public async Task<LabOrderResult> PlaceAsync(LabOrderRequest request, CancellationToken ct = default)
    {
        var codes = request.TestCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        if (codes.Count == 0) return LabOrderResult.Fail(LabOrderFailure.Invalid, "tests", "Chưa chọn xét nghiệm nào (tests).");
        if (request.PatientId is null && request.VisitId is null)
            return LabOrderResult.Fail(LabOrderFailure.Invalid, "patientId", "Cần mã người bệnh (patientId) hoặc mã lượt khám (visitId).");

        var tests = await catalog.TestsByCodeAsync(codes, ct);
        var unknown = codes.Where(c => !tests.ContainsKey(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            return LabOrderResult.Fail(LabOrderFailure.UnknownTest, "tests", $"Mã xét nghiệm không có trong danh mục: {string.Join(", ", unknown)}.");

        int patientId;
        if (request.VisitId is { } visitId)
        {
            var visit = await db.Set<Visit>().AsNoTracking().Where(v => v.Id == visitId).Select(v => new { v.PatientId, v.VoidedAt }).FirstOrDefaultAsync(ct);
            if (visit is null) return LabOrderResult.Fail(LabOrderFailure.NotFound, "visitId", "Không tìm thấy lượt khám.");
            if (visit.VoidedAt is not null) return LabOrderResult.Fail(LabOrderFailure.Invalid, "visitId", "Lượt khám đã bị hủy.");
            if (request.PatientId is { } p && p != visit.PatientId)
                return LabOrderResult.Fail(LabOrderFailure.Invalid, "patientId", "Người bệnh không khớp với lượt khám.");
            patientId = visit.PatientId;
        }
        else
        {
            patientId = request.PatientId!.Value;
            if (!await db.Set<Domain.Patients.Patient>().AnyAsync(p => p.Id == patientId && p.VoidedAt == null, ct))
                return LabOrderResult.Fail(LabOrderFailure.NotFound, "patientId", "Không tìm thấy người bệnh.");
        }

        var planned = codes.Select(c => new PlannedTest(tests[c], null));
        var order = await BuildAsync(patientId, request.VisitId, null, request.Source, request.Priority, user.UserName, planned, ct);
        await db.SaveChangesAsync(ct);
        return new LabOrderResult(order, LabOrderFailure.None, new Dictionary<string, string>());
    }

    private async Task<LabOrder> BuildAsync(int patientId, int? visitId, string? requestNumber, LabOrderSource source,
        OrderPriority priority, string orderedBy, IEnumerable<PlannedTest> tests, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new LabOrder
        {
            PatientId = patientId,
            VisitId = visitId,
            RequestNumber = requestNumber,
            Source = source,
            Priority = priority,
            OrderedAt = now,
            OrderedBy = orderedBy,
        };
        foreach (var tube in SpecimenGrouping.Group(tests))
        {
            var specimen = new Specimen
            {
                LabOrder = order,
                PatientId = patientId,
                Barcode = await barcodes.NextAsync(ct),
                SpecimenType = tube.SpecimenType,
            };
            foreach (var t in tube.Tests)
            {
                var test = new LabOrderTest
                {
                    LabTestId = t.Test.Id,
                    TestCode = t.Test.Code,
                    ServiceOrderId = t.ServiceOrderId,
                    Status = LabTestStatus.Ordered,
                    StatusChangedAt = now,
                    Specimen = specimen,
                };
                specimen.Tests.Add(test);
                order.Tests.Add(test);
            }
            order.Specimens.Add(specimen);
        }
        db.Add(order);
        return order;
    }
}
