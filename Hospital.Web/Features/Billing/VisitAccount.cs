using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Billing;

/// <summary>What a visit's patient owes, has paid (net of refunds) and still owes; negative means the hospital owes a refund.</summary>
public sealed record VisitBalance(int VisitId, decimal PatientShare, decimal Paid, decimal Deposits)
{
    public decimal Due => PatientShare - Paid;
    /// <summary>Nothing left to collect (a refund of an over-deposit may still be due).</summary>
    public bool Settled => Due <= 0;
}

/// <summary>The cashier's view of a visit's money: its coverage split against the completed transactions.</summary>
public sealed class VisitAccount(HospitalDbContext db, VisitCoverage coverage)
{
    public async Task<VisitBalance?> BalanceAsync(int visitId, CancellationToken ct = default)
    {
        var split = await coverage.ForVisitAsync(visitId, ct);
        return split is null ? null : await BalanceAsync(split, ct);
    }

    public async Task<VisitBalance> BalanceAsync(VisitCoverageResult split, CancellationToken ct = default)
    {
        var done = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.VisitId == split.Visit.Id && p.Status == PaymentStatus.Completed)
            .Select(p => new { p.Kind, p.Amount }).ToListAsync(ct);
        var paid = done.Sum(p => p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount);
        var deposits = done.Where(p => p.Kind == PaymentKind.Deposit).Sum(p => p.Amount);
        return new VisitBalance(split.Visit.Id, split.PatientShare, paid, deposits);
    }
}
