using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hospital.Web.Platform;

/// <summary>
/// Applies the hand-written migrations and the first-start seeding. On PostgreSQL a session
/// advisory lock makes a second instance starting at the same moment wait until the first has
/// finished, then find nothing left to apply or seed.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Arbitrary constant shared by all Hospital instances ("HOSPMIGR").</summary>
    private const long MigrationLockKey = 0x484F53504D494752;

    public static async Task MigrateAsync(IServiceProvider services, Func<Task> thenSeed, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HospitalDbContext>();
        var info = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
        if (info.Provider != DatabaseProvider.PostgreSQL)
        {
            await db.Database.MigrateAsync(ct);
            await thenSeed();
            return;
        }
        await using var lockConnection = new NpgsqlConnection(info.ConnectionString);
        await lockConnection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
            await cmd.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
            await thenSeed();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
