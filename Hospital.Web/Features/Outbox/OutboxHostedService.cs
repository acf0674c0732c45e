using Hospital.Domain.Outbox;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Outbox;

/// <summary>
/// Runs the outbox dispatcher every <c>Outbox__PollSeconds</c>; while batches come back full it
/// goes on at once. A failing round is logged and the loop carries on. <c>Outbox__Enabled=false</c>
/// leaves delivery to another process (or to a test calling <see cref="OutboxDispatcher.RunOnceAsync"/>).
/// </summary>
public sealed class OutboxHostedService(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxHostedService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogInformation("Outbox dispatcher is disabled (Outbox:Enabled=false)");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds)), clock);
        try
        {
            do
            {
                await DrainAsync(Math.Max(1, o.BatchSize), stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DrainAsync(int batchSize, CancellationToken stoppingToken)
    {
        try
        {
            int claimed;
            do
            {
                using var scope = scopes.CreateScope();
                claimed = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(stoppingToken);
            }
            while (claimed >= batchSize && !stoppingToken.IsCancellationRequested);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(ex, "Outbox dispatch round failed; retrying at the next poll");
        }
    }
}
