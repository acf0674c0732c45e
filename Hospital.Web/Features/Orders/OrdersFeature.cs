namespace Hospital.Web.Features.Orders;

/// <summary>Services and endpoints of the Orders feature folder.</summary>
public static class OrdersFeature
{
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration config) => services;

    public static void MapOrders(this WebApplication app)
    {
    }
}
