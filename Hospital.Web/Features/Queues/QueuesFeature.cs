namespace Hospital.Web.Features.Queues;

/// <summary>Services and endpoints of the Queues feature folder.</summary>
public static class QueuesFeature
{
    public static IServiceCollection AddQueues(this IServiceCollection services, IConfiguration config) => services;

    public static void MapQueues(this WebApplication app)
    {
    }
}
