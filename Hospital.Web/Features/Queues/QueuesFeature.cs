using Hospital.Domain.Visits;
using Hospital.Web.Features.Queues.Board;
using Hospital.Web.Features.Queues.Tickets;

namespace Hospital.Web.Features.Queues;

/// <summary>Services and endpoints of the Queues feature folder: calling, display boards, tickets, the queue API.</summary>
public static class QueuesFeature
{
    public static IServiceCollection AddQueues(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<QueueCalls>();
        services.AddSingleton<QueueNotifier>();
        services.Configure<BoardStreamOptions>(config.GetSection("Queues:Board"));
        services.AddSingleton<BoardTokenHandoff>();
        services.AddScoped<QueueBoardAdministration>();
        services.AddScoped<TicketData>();
        Hospital.Emr.Pdf.PdfSetup.Initialize();
        return services;
    }

    public static void MapQueues(this WebApplication app)
    {
        app.UseBoardGate();
        // The board's live stream opens with the board token instead of a sign-in, like the board page.
        app.MapGet("/board/{token}/events", BoardEvents.StreamAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapTicketPdf();
        app.MapQueueApi();
    }
}
