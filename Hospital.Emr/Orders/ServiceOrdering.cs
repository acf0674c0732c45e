using Hospital.Domain.Audit;
using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Outbox;
using Hospital.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Emr.Orders;

/// <summary>What the doctor asks for: services picked one by one and/or an order set (bộ chỉ định).</summary>
/// <param name="OrderAgain">The doctor confirmed ordering again a service the visit already has an active order of.</param>
public sealed record OrderRequest(
    int VisitId, IReadOnlyList<int> ServiceIds, int? OrderSetId = null, bool OrderAgain = false,
    OrderPriority Priority = OrderPriority.Routine, string? ClinicalNote = null);

/// <param name="Duplicates">Names of services already ordered (active) in the visit: ask the doctor, then resend with OrderAgain.</param>
public sealed record OrderingResult(
    string? RequestNumber, IReadOnlyList<long> OrderIds, IReadOnlyList<string> Errors, IReadOnlyList<string> Duplicates)
{
    public bool Ok => Errors.Count == 0 && Duplicates.Count == 0;
    public bool NeedsConfirmation => Errors.Count == 0 && Duplicates.Count > 0;
    internal static OrderingResult Refused(params string[] errors) => new(null, [], errors, []);
}

/// <summary>
/// Orders services for a visit (phiếu chỉ định): one request number for everything ordered
/// together, one <see cref="ServiceOrder"/> per service, each with its <see cref="Charge"/> priced
/// for the visit kind (<see cref="ServiceCharge"/>), the BHYT check-in if this is the visit's first
/// charge (<see cref="CheckInTrigger"/>), and for lab orders the LIS handoff message
/// (<see cref="LabOrderHandoff"/>), all stored together or not at all.
/// Refused with nothing stored: a cancelled or concluded visit (the record is locked, Luật KCB
/// 2023 Đ7 k10: later changes are addenda), unknown, inactive or out-of-date services, services
/// that are not orderable (exam fees, bed days). A service already ordered and still active in
/// the visit is not refused but returned for confirmation: a doctor may rightly repeat a glucose
/// or an X-ray the same day, but more often it is a double click.
/// </summary>
public sealed class ServiceOrdering(HospitalDbContext db, IAuditUser user, TimeProvider clock, IOptions<OrderingOptions> options)
{
    /// <summary>Cost groups that are charged by other means: the exam fee at registration, bed days by the ward.</summary>
    private static readonly BhytCostGroup[] NotOrderable =
        [BhytCostGroup.Exam, BhytCostGroup.DayBed, BhytCostGroup.InpatientBed, BhytCostGroup.HoldingBed];

    public async Task<OrderingResult> OrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        var visit = await db.Set<Visit>().FirstOrDefaultAsync(v => v.Id == request.VisitId, ct);
        if (visit is null) return OrderingResult.Refused("Không tìm thấy lượt khám.");
        if (await WhyLockedAsync(db, visit, ct) is { } locked) return OrderingResult.Refused(locked);
        if (request.ClinicalNote is { Length: > 1000 }) return OrderingResult.Refused("Ghi chú chỉ định tối đa 1000 ký tự.");

        var errors = new List<string>();
        var ids = new List<int>();
        OrderSet? set = null;
        if (request.OrderSetId is { } setId)
        {
            set = await db.Set<OrderSet>().AsNoTracking().Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == setId, ct);
            if (set is null) errors.Add("Không tìm thấy bộ chỉ định.");
            else if (!set.IsValidOn(visit.VisitDate)) errors.Add($"Bộ chỉ định \"{set.Name}\" không còn sử dụng.");
            else ids.AddRange(set.Items.OrderBy(i => i.Position).Select(i => i.ServiceId));
        }
        // A service both picked and in the set is ordered once.
        ids.AddRange(request.ServiceIds);
        ids = ids.Distinct().ToList();
        if (ids.Count == 0 && errors.Count == 0) errors.Add("Chọn ít nhất một dịch vụ để chỉ định.");

        var services = await db.Set<MedicalService>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var id in ids)
        {
            if (!services.TryGetValue(id, out var s)) errors.Add($"Không tìm thấy dịch vụ mã số {id}.");
            else if (!s.IsValidOn(visit.VisitDate)) errors.Add($"Dịch vụ {s.Code} {s.Name} không còn hiệu lực ngày {visit.VisitDate:dd/MM/yyyy}.");
            else if (NotOrderable.Contains(s.CostGroup)) errors.Add($"Dịch vụ {s.Code} {s.Name} không chỉ định được trong phiếu chỉ định.");
        }
        if (errors.Count > 0) return new(null, [], errors, []);

        if (!request.OrderAgain)
        {
            var active = await db.Set<ServiceOrder>().AsNoTracking()
                .Where(o => o.VisitId == visit.Id && ids.Contains(o.ServiceId) && o.VoidedAt == null && o.Status != OrderStatus.Cancelled)
                .Select(o => o.ServiceId).Distinct().ToListAsync(ct);
            if (active.Count > 0)
                return new(null, [], [], ids.Where(active.Contains).Select(i => $"{services[i].Code} {services[i].Name}").ToList());
        }

        var staffId = await StaffOfUser.IdAsync(db, user.UserName, ct);
        var pattern = options.Value.OrderRequestFormat;
        var facility = pattern.Contains("{facility}", StringComparison.Ordinal)
            ? await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.FacilityCode).FirstOrDefaultAsync(ct) ?? ""
            : "";
        var ordered = ids.Select(i => services[i]).ToList();
        return await SaveAsync(visit, ordered, set, request, staffId, pattern, facility, ct);
    }

    /// <summary>Why nothing may be ordered for (or cancelled in) the visit any more, or null.</summary>
    public static async Task<string?> WhyLockedAsync(HospitalDbContext db, Visit visit, CancellationToken ct)
    {
        if (visit.IsVoided() || visit.Status == VisitStatus.Cancelled) return $"Lượt khám {visit.Code} đã bị hủy.";
        if (visit.Status == VisitStatus.Concluded
            || await db.Set<ExamRecord>().AnyAsync(e => e.VisitId == visit.Id && e.Status == ExamStatus.Concluded, ct))
            return $"Lượt khám {visit.Code} đã kết thúc khám, hồ sơ đã khóa: không thay đổi chỉ định được.";
        return null;
    }

    private async Task<OrderingResult> SaveAsync(Visit visit, List<MedicalService> services, OrderSet? set, OrderRequest request,
        int? staffId, string pattern, string facility, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            var added = new List<object>();
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(token);
                var now = clock.GetUtcNow().UtcDateTime;
                var number = IdentifierSequences.Format(pattern,
                    await IdentifierSequences.NextAsync(db, IdentifierSequences.OrderRequest, token), VietnamCalendar.DateOf(now), facility);
                var note = string.IsNullOrWhiteSpace(request.ClinicalNote) ? null : request.ClinicalNote.Trim();
                var orders = new List<ServiceOrder>();
                foreach (var s in services)
                {
                    var charge = ServiceCharge.For(visit, s, s.DepartmentId ?? visit.DepartmentId, user.UserName, now, staffId);
                    var order = new ServiceOrder
                    {
                        RequestNumber = number,
                        VisitId = visit.Id,
                        PatientId = visit.PatientId,
                        ServiceId = s.Id,
                        ServiceCode = s.Code,
                        ServiceName = s.Name,
                        Kind = ServiceOrder.KindOf(s.CostGroup),
                        Priority = request.Priority,
                        Status = OrderStatus.Ordered,
                        OrderSetId = set is not null && set.Items.Any(i => i.ServiceId == s.Id) ? set.Id : null,
                        ClinicalNote = note,
                        OrderedAt = now,
                        OrderedBy = user.UserName,
                        OrderingStaffId = staffId,
                        Charge = charge,
                    };
                    orders.Add(order);
                    added.AddRange([order, charge]);
                    db.AddRange(charge, order);
                }
                CheckInTrigger.OnChargeAdded(db, visit, clock);
                await db.SaveChangesAsync(token);
                // The message names the lab orders by id, known only after the insert: a second save
                // in the same transaction, so orders and message still commit together.
                var lab = orders.Where(o => o.Kind == OrderKind.Lab).Select(o => o.Id).ToList();
                if (lab.Count > 0)
                {
                    added.Add(OutboxWriter.Enqueue(db, clock, LabOrderHandoff.OrderPlacedType, new LabOrdersPlaced(number, visit.Id, lab), number));
                    await db.SaveChangesAsync(token);
                }
                await tx.CommitAsync(token);
                return new OrderingResult(number, orders.Select(o => o.Id).ToList(), [], []);
            }
            catch
            {
                // Rolled back: forget the rows (and the check-in stamp) so a retry does not insert them again.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added || added.Contains(e.Entity)).ToList())
                    entry.State = EntityState.Detached;
                await db.Entry(visit).ReloadAsync(CancellationToken.None);
                throw;
            }
        }, ct);
    }
}
