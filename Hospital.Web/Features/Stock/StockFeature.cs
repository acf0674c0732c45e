using Hospital.Web.Platform.Security;

namespace Hospital.Web.Features.Stock;

/// <summary>Stores, stock receipts, transfers between stores, write-offs (supplier returns, losses, disposals), stock counts, the on-hand view and GET /api/v1/stock (issue 7 item 2).</summary>
public static class StockFeature
{
    public static IServiceCollection AddStock(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Hospital.Domain.Pharmacy.StockLedger>();
        services.AddScoped<StockDocumentPosting>();
        services.AddScoped<StockReceiving>();
        services.AddScoped<StockTransfers>();
        services.AddScoped<StockWriteOffs>();
        services.AddScoped<StockCounts>();
        services.AddScoped<MinimumStock>();
        services.AddScoped<Demo.DemoPharmacy>();
        return services;
    }

    public static void MapStock(this WebApplication app)
    {
        StockFragments.Map(app);
        StockApi.Map(app.MapGroup("/api/v1").WithTags("Kho dược").DisableAntiforgery().RequireAuthorization(HospitalModule.Pharmacy));
    }
}
