using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.BillingReports;

/// <summary>Which claim versions a report counts.</summary>
public enum ReportScope
{
    /// <summary>Every episode's current version (Ready, Invalid, Sent, Accepted, Rejected): what the month will claim.</summary>
    All,
    /// <summary>Only versions handed to the portal (Sent, Accepted): what the portal's own summary should match.</summary>
    Sent,
}

/// <summary>
/// Streams the month's claims from the database into a <see cref="MonthlyReport"/>. The month is the
/// settlement period (NAM_QT/THANG_QT, <see cref="Claim.SettlementPeriod"/>); of each MA_LK only the
/// latest version that is not Superseded counts, so a corrected episode is never counted twice.
/// Sums are taken in .NET (SQLite cannot sum decimals in SQL), rows streamed, not held.
/// </summary>
public sealed class MonthlyClaims(HospitalDbContext db)
{
    public async Task<MonthlyReport> ReportAsync(int period, ReportScope scope, CancellationToken ct = default)
    {
        var departments = await db.Set<Department>().AsNoTracking()
            .Where(d => d.BhytCode != "").Select(d => new { d.BhytCode, d.Name }).ToListAsync(ct);
        var names = departments.GroupBy(d => d.BhytCode).ToDictionary(g => g.Key, g => g.First().Name);
        var builder = new MonthlyReportBuilder(period, WorkspaceFormat.CostGroup,
            code => names.TryGetValue(code, out var name) ? name : code);

        var claims = Counted(period, scope);
        await foreach (var c in claims.Select(c => new { c.Id, c.BenefitCategoryCode, c.TotalCost, c.InsuranceCost, c.InsurancePays, c.CoPayment, c.PatientOutOfScope, c.OtherSources })
                           .AsAsyncEnumerable().WithCancellation(ct))
            builder.Add(new ReportClaim(c.Id, c.BenefitCategoryCode ?? "",
                new SplitTotals(c.TotalCost, c.InsuranceCost, c.InsurancePays, c.CoPayment, c.PatientOutOfScope, c.OtherSources)));

        var lines = from l in db.Set<ClaimLine>().AsNoTracking()
                    join c in claims on l.ClaimId equals c.Id
                    select new { c.BenefitCategoryCode, l.CostGroup, l.DepartmentCode, l.ThanhTienBv, l.ThanhTienBh, l.Bhtt, l.Bncct, l.Bntt, l.NguonKhac };
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
            builder.Add(new ReportLine(l.BenefitCategoryCode ?? "", l.CostGroup, l.DepartmentCode,
                new SplitTotals(l.ThanhTienBv, l.ThanhTienBh, l.Bhtt, l.Bncct, l.Bntt, l.NguonKhac)));
        return builder.Build();
    }

    private IQueryable<Claim> Counted(int period, ReportScope scope)
    {
        var current = db.Set<Claim>().AsNoTracking().Where(c => c.Status != ClaimStatus.Superseded);
        var counted = current
            .Where(c => c.SettlementPeriod == period)
            .Where(c => !current.Any(later => later.MaLk == c.MaLk && later.Version > c.Version));
        return scope == ReportScope.Sent ? counted.Where(c => c.Status == ClaimStatus.Sent || c.Status == ClaimStatus.Accepted) : counted;
    }
}
