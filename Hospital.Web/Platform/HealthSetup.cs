using Hospital.Domain.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hospital.Web.Platform;

/// <summary>
/// <c>/health</c>: the process answers (liveness). <c>/health/ready</c>: the database is reachable
/// and every migration is applied. Both without sign-in; 200 when healthy, 503 otherwise.
/// </summary>
public static class HealthSetup
{
    public static IServiceCollection AddHospitalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapHospitalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
    }
}

internal sealed class DatabaseReadyCheck(IDbContextFactory<HospitalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Còn {pending.Count} migration chưa áp dụng.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Lỗi cơ sở dữ liệu.", ex);
        }
    }
}
