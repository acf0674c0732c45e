using Hospital.Domain.Outbox;
using Hospital.Emr.Orders;

namespace Hospital.Web.Features.Orders;

/// <summary>Services and endpoints of the Orders feature folder: ordering services from the exam, cancelling, text results, the LIS handoff.</summary>
public static class OrdersFeature
{
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OrderingOptions>(config.GetSection(OrderingOptions.Section));
        services.AddScoped<ServiceOrdering>();
        services.AddScoped<OrderCancellation>();
        services.AddScoped<TextResultEntry>();
        services.AddScoped<OrderSetAdministration>();
        services.AddScoped<IOutboxHandler, LisOrderPlacedHandler>();
        return services;
    }

    public static void MapOrders(this WebApplication app) => OrderEndpoints.Map(app);
}
