using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.BillingReports;

/// <summary>Monthly BHYT reports for finance (issue 6 item 5): totals by object code, cost group and department, portal summary tables, Excel.</summary>
public static class BillingReportsFeature
{
    public static IServiceCollection AddBillingReports(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<MonthlyClaims>();
        return services;
    }

    public static void MapBillingReports(this WebApplication app)
    {
        app.MapGet("/insurance/reports/export", ExportAsync).RequireAuthorization(HospitalModule.Insurance);
    }

    /// <summary><c>?month=yyyy-MM&amp;scope=all|sent&amp;table=objects|groups|departments|summary</c> (no table: all four sheets).</summary>
    private static async Task<IResult> ExportAsync([FromQuery] string? month, [FromQuery] string? scope, [FromQuery] string? table,
        MonthlyClaims claims, FacilityProfile facility, IStringLocalizer<SharedResource> L, HttpContext ctx, CancellationToken ct)
    {
        var period = ReportMonth.Parse(month);
        var error = period is null ? L["Tháng không hợp lệ: dùng dạng yyyy-MM, ví dụ 2025-07."]
            : table is { Length: > 0 } && !ReportSheets.Keys.Contains(table) ? L["Không có bảng báo cáo {0}.", table] : null;
        if (error is not null || period is null)
        {
            FlashMessage.Set(ctx, FlashKind.Danger, error ?? "");
            return Results.LocalRedirect("/insurance/reports");
        }
        var report = await claims.ReportAsync(period.Value, ParseScope(scope), ct);
        var name = (await facility.GetAsync(ct))?.Name ?? "";
        var sheets = ReportSheets.Of(report, name, L).Where(s => table is not { Length: > 0 } || s.Key == table).Select(s => s.Sheet).ToArray();
        return XlsxTable.Download(L["Báo cáo BHYT tháng {0}", ReportMonth.Text(period.Value)], sheets);
    }

    public static ReportScope ParseScope(string? scope) => scope == "sent" ? ReportScope.Sent : ReportScope.All;
}
