using Hospital.Domain.Data;
using Hospital.Web.Platform;
using Hospital.Web.Platform.Security;
using Hospital.Web.Platform.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.StockReports;

/// <summary>Alerts (near expiry, below minimum, slow movers) and the monthly stock report (nhập – xuất – tồn) per store and for controlled drugs, with Excel (issue 7 item 4).</summary>
public static class StockReportsFeature
{
    public static IServiceCollection AddStockReports(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<StockAlertOptions>(config.GetSection(StockAlertOptions.Section));
        services.AddScoped<MonthlyStock>();
        services.AddScoped<StockAlerts>();
        return services;
    }

    public static void MapStockReports(this WebApplication app)
    {
        app.MapGet("/pharmacy/reports/export", ExportAsync).RequireAuthorization(HospitalModule.Pharmacy);
    }

    /// <summary>The report of <see cref="StockReportRequest"/> as an .xlsx; bad input goes back to the page with the message.</summary>
    private static async Task<IResult> ExportAsync([FromQuery] string? month, [FromQuery] string? store, [FromQuery] string? lots, [FromQuery] string? report,
        HospitalDbContext db, MonthlyStock stock, FacilityProfile facility, TimeProvider clock, IStringLocalizer<SharedResource> L, HttpContext ctx, CancellationToken ct)
    {
        var request = await StockReportRequest.ParseAsync(db, L, VietnamTime.Today(clock), month, store, lots, report, ct);
        if (request.Error is { } error)
        {
            FlashMessage.Set(ctx, FlashKind.Danger, error);
            return Results.LocalRedirect("/pharmacy/reports");
        }
        var result = await stock.ReportAsync(request.Period, request.Store, request.ByLot, request.ControlledOnly, ct);
        var name = (await facility.GetAsync(ct))?.Name ?? "";
        return XlsxTable.Download(StockReportSheets.FileName(result, L), StockReportSheets.Of(result, name, L));
    }
}
