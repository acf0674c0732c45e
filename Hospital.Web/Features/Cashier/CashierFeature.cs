namespace Hospital.Web.Features.Cashier;

/// <summary>The cashier's counter (issue 6 item 3): find a visit, collect cash or VietQR, deposits and refunds, receipts, voids with a second user's approval, shift close.</summary>
public static class CashierFeature
{
    public static IServiceCollection AddCashier(this IServiceCollection services, IConfiguration config)
    {
        return services;
    }

    public static void MapCashier(this WebApplication app)
    {
    }
}
