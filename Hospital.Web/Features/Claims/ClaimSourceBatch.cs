using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Claims;

/// <summary>A staff entry as the claim needs it: the practising-certificate code (CCHN) and the name.</summary>
public sealed record ClaimStaff(int Id, string Name, string? Certificate);

/// <summary>The drug fields XML2 takes from the formulary.</summary>
public sealed record ClaimDrugInfo(string? Strength, string? RouteCode, string? RegistrationNo, string? DosageForm = null, string? TenderReference = null);

/// <summary>The order behind a service charge: its result times and text, and the released lab values (XML4).</summary>
public sealed record ClaimOrderInfo(long ChargeId, DateTime? PerformedAt, string? ResultText, string? ResultConclusion, IReadOnlyList<ServiceResult> Values);

/// <summary>
/// The database rows of a batch of visits, read with a fixed number of queries whatever the batch size
/// (one per table), so claims for a whole month stream through in batches: coverage (visits, patients,
/// charges, money split), exams, the latest weight, cards, staff, drugs, supplies, prescription lines,
/// orders with their results, and the last completed payment.
/// </summary>
public sealed class ClaimSourceBatch
{
    public required IReadOnlyDictionary<int, VisitCoverageResult> Coverage { get; init; }
    public required IReadOnlyDictionary<int, ExamRecord> Exams { get; init; }
    public required IReadOnlyDictionary<int, decimal> Weights { get; init; }
    public required IReadOnlyDictionary<int, BhytCard> Cards { get; init; }
    public required IReadOnlyDictionary<int, ClaimStaff> Staff { get; init; }
    public required IReadOnlyDictionary<int, ClaimDrugInfo> Drugs { get; init; }
    public required IReadOnlyDictionary<int, string?> SupplyCodes { get; init; }
    public required IReadOnlyDictionary<long, PrescriptionLine> PrescriptionLines { get; init; }
    public required IReadOnlyDictionary<long, ClaimOrderInfo> Orders { get; init; }
    public required IReadOnlyDictionary<int, DateTime> PaidAt { get; init; }

    public static async Task<ClaimSourceBatch> LoadAsync(HospitalDbContext db, VisitCoverage coverage, IReadOnlyCollection<int> visitIds, CancellationToken ct)
    {
        var split = await coverage.ForVisitsAsync(visitIds, ct);
        var ids = split.Keys.ToList();
        var charges = split.Values.SelectMany(s => s.Lines.Select(l => l.Charge)).ToList();
        var chargeIds = charges.Select(c => c.Id).ToList();

        var exams = (await db.Set<ExamRecord>().AsNoTracking().Where(e => ids.Contains(e.VisitId)).ToListAsync(ct))
            .GroupBy(e => e.VisitId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).First());
        var weights = (await db.Set<VitalSigns>().AsNoTracking()
                .Where(v => ids.Contains(v.VisitId) && v.VoidedAt == null && v.WeightKg != null)
                .Select(v => new { v.VisitId, v.MeasuredAt, v.WeightKg }).ToListAsync(ct))
            .GroupBy(v => v.VisitId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.MeasuredAt)!.WeightKg!.Value);
        var cardIds = split.Values.Select(s => s.Visit.BhytCardId).OfType<int>().Distinct().ToList();
        var cards = await db.Set<BhytCard>().AsNoTracking().Where(c => cardIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        var staffIds = charges.SelectMany(c => new[] { c.OrderingStaffId, c.PerformingStaffId })
            .Concat(exams.Values.Select(e => e.DoctorStaffId)).OfType<int>().Distinct().ToList();
        var staff = await db.Set<Staff>().AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new ClaimStaff(s.Id, s.Name, s.PracticeCertificateNo)).ToDictionaryAsync(s => s.Id, ct);
        var drugIds = charges.Select(c => c.DrugId).OfType<int>().Distinct().ToList();
        var drugs = await db.Set<Drug>().AsNoTracking().Where(d => drugIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new ClaimDrugInfo(d.Strength, d.RouteCode, d.RegistrationNo, d.DosageForm,
                TenderReference.Build(d.TenderDecision, d.TenderPackage, d.TenderGroup, d.TenderYear)), ct);
        var supplyIds = charges.Select(c => c.SupplyId).OfType<int>().Distinct().ToList();
        var supplies = await db.Set<Supply>().AsNoTracking().Where(s => supplyIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.BhytCode, ct);

        var rxLines = (await db.Set<PrescriptionLine>().AsNoTracking()
                .Where(l => l.ChargeId != null && chargeIds.Contains(l.ChargeId.Value)).ToListAsync(ct))
            .GroupBy(l => l.ChargeId!.Value).ToDictionary(g => g.Key, g => g.First());
        var orders = await db.Set<ServiceOrder>().AsNoTracking()
            .Where(o => o.ChargeId != null && chargeIds.Contains(o.ChargeId.Value) && o.VoidedAt == null)
            .Select(o => new { o.Id, ChargeId = o.ChargeId!.Value, o.PerformedAt, o.ResultText, o.ResultConclusion }).ToListAsync(ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var values = (await db.Set<ServiceResult>().AsNoTracking()
                .Where(r => orderIds.Contains(r.ServiceOrderId) && r.SupersededAt == null).ToListAsync(ct))
            .OrderBy(r => r.Id).ToLookup(r => r.ServiceOrderId);
        var orderInfo = orders.GroupBy(o => o.ChargeId).ToDictionary(g => g.Key, g =>
        {
            var o = g.First();
            return new ClaimOrderInfo(o.ChargeId, o.PerformedAt, o.ResultText, o.ResultConclusion, values[o.Id].ToList());
        });
        var paidAt = (await db.Set<Payment>().AsNoTracking()
                .Where(p => ids.Contains(p.VisitId) && p.Status == PaymentStatus.Completed && p.CompletedAt != null)
                .Select(p => new { p.VisitId, p.CompletedAt }).ToListAsync(ct))
            .GroupBy(p => p.VisitId).ToDictionary(g => g.Key, g => g.Max(p => p.CompletedAt!.Value));

        return new ClaimSourceBatch
        {
            Coverage = split, Exams = exams, Weights = weights, Cards = cards, Staff = staff, Drugs = drugs,
            SupplyCodes = supplies, PrescriptionLines = rxLines, Orders = orderInfo, PaidAt = paidAt,
        };
    }
}
