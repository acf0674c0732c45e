using Hospital.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hospital.Web.Platform;

/// <summary>
/// Chooses the database from configuration: <c>Database__Provider</c> = Sqlite (default,
/// <c>{Storage__DataDirectory}/hospital.db</c> in WAL mode) or PostgreSQL with
/// <c>ConnectionStrings__Hospital</c>.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionStringFrom(IConfiguration config, StorageOptions storage)
    {
        var configured = config.GetConnectionString("Hospital");
        if (ProviderFrom(config) == DatabaseProvider.PostgreSQL)
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database__Provider=PostgreSQL cần ConnectionStrings__Hospital.")
                : configured;
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        Directory.CreateDirectory(storage.FullDataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.FullDataDirectory, "hospital.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSQL)
            options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));
        else
            options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(SqlitePragmas.Instance);
        // Migrations are written by hand without a model snapshot; the schema-equality test
        // (MigrationDriftTests) replaces EF's snapshot comparison.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Registers the context. Configuration is read when the first context is created, not
    /// here, so hosts (and tests) that add configuration late still choose the database.
    /// </summary>
    public static IServiceCollection AddHospitalDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var storage = config.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            return new DatabaseInfo(ProviderFrom(config), ConnectionStringFrom(config, storage));
        });
        // One registration only: EF Core applies every AddDbContext/AddDbContextFactory options
        // action to all contexts of the type, so registering two added each interceptor twice
        // (the audit interceptor then never committed its own transaction). Contexts are pooled
        // (a page's queries cost about half without the per-request context set-up, anchors C.4);
        // the request's HospitalDbContext is leased from the same pool and returned at the end.
        services.AddPooledDbContextFactory<HospitalDbContext>((sp, o) => ConfigureFrom(sp, o));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HospitalDbContext>>().CreateDbContext());
        return services;
    }

    private static void ConfigureFrom(IServiceProvider sp, DbContextOptionsBuilder o)
    {
        var info = sp.GetRequiredService<DatabaseInfo>();
        Configure(o, info.Provider, info.ConnectionString);
        o.AddInterceptors(sp.GetServices<IInterceptor>());
    }
}

/// <summary>Which database this process talks to; read by health checks and provider-specific SQL.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
