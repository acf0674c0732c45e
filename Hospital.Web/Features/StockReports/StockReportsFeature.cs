namespace Hospital.Web.Features.StockReports;

/// <summary>Alerts (near expiry, below minimum, slow movers) and the monthly stock report (nhập – xuất – tồn) per store and for controlled drugs, with Excel (issue 7 item 4).</summary>
public static class StockReportsFeature
{
    public static IServiceCollection AddStockReports(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapStockReports(this WebApplication app)
    {
    }
}
