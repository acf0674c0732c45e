using Hospital.Domain.Billing;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Billing;

/// <summary>
/// Everything the statement (bảng kê chi phí) of a visit shows and prints: the coverage split of its
/// live lines grouped into the form's sections, the voided lines (struck out, with why), the
/// patient's balance, and the claim version that decides whether lines may still be voided.
/// </summary>
public sealed record VisitStatement(
    FacilitySettings? Facility, VisitCoverageResult Coverage, IReadOnlyList<StatementSection> Sections,
    IReadOnlyList<Charge> Voided, VisitBalance Balance, Claim? LatestClaim, string? DepartmentName)
{
    public SplitTotals Totals => SplitTotals.Sum(Sections.Select(s => s.Totals));

    public string Reason => StatementReason.Text(Coverage);

    /// <summary>Lines can be voided until the claim is handed to the portal (<see cref="ChargeVoiding"/>).</summary>
    public bool Locked => LatestClaim?.Status is ClaimStatus.Sent or ClaimStatus.Accepted;
}

/// <summary>Loads a <see cref="VisitStatement"/>; null when the visit does not exist.</summary>
public sealed class VisitStatements(HospitalDbContext db, VisitCoverage coverage, VisitAccount account, ChargeVoiding voiding)
{
    public async Task<VisitStatement?> ForVisitAsync(int visitId, CancellationToken ct = default)
    {
        var split = await coverage.ForVisitAsync(visitId, ct);
        if (split is null) return null;
        var voided = await db.Set<Charge>().AsNoTracking()
            .Where(c => c.VisitId == visitId && c.VoidedAt != null)
            .OrderBy(c => c.OrderedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        var department = await db.Set<Department>().AsNoTracking()
            .Where(d => d.Id == split.Visit.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync(ct);
        return new VisitStatement(facility, split, StatementSections.Group(split.Lines), voided,
            await account.BalanceAsync(split, ct), await voiding.LatestClaimAsync(visitId, ct), department);
    }
}
