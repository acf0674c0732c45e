using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.BillingReports;
using Hospital.Web.Features.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.StockReports;

/// <summary>
/// The query of the report page and its export: <c>month=yyyy-MM&amp;store=ID&amp;lots=1&amp;report=stock|controlled</c>
/// (the store id, as every stock page's store picker sends it). An unknown month or store is an
/// error in Vietnamese; no store means every store.
/// </summary>
public sealed record StockReportRequest(int Period, Store? Store, bool ByLot, bool ControlledOnly, string? Error)
{
    public const string ControlledKey = "controlled";

    public static async Task<StockReportRequest> ParseAsync(HospitalDbContext db, IStringLocalizer l, DateOnly today,
        string? month, string? store, string? lots, string? report, CancellationToken ct)
    {
        var thisMonth = ReportMonth.Of(today);
        var period = string.IsNullOrWhiteSpace(month) ? thisMonth : ReportMonth.Parse(month);
        string? error = period is null ? l["Tháng không hợp lệ: dùng dạng yyyy-MM, ví dụ 2025-07."].Value : null;
        Store? chosen = null;
        if (!string.IsNullOrWhiteSpace(store))
        {
            var id = StockStores.Id(store);
            chosen = id is null ? null : await db.Set<Store>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (chosen is null) error ??= l["Không có kho này."].Value;
        }
        return new StockReportRequest(period ?? thisMonth, chosen, lots is "1" or "true", report == ControlledKey, error);
    }

    /// <summary>The same report's query string, for links (export, per-lot toggle).</summary>
    public string Query(bool? byLot = null) =>
        $"month={ReportMonth.Text(Period)}&store={Store?.Id}&lots={((byLot ?? ByLot) ? "1" : "0")}&report={(ControlledOnly ? ControlledKey : "stock")}";
}
