using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hospital.Tests.Catalogs;

/// <summary>
/// A throwaway migrated database for the catalog store tests: a SQLite file, or a fresh
/// PostgreSQL database on the server named by HOSPITAL_TEST_PG when that is set. Kept small
/// and local until the shared per-provider fixture lands.
/// </summary>
public sealed class CatalogDatabase : IAsyncDisposable
{
    private readonly DbContextOptions<HospitalDbContext> _options;

    private CatalogDatabase(DbContextOptions<HospitalDbContext> options) => _options = options;

    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { "Sqlite" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOSPITAL_TEST_PG"))) providers.Add("PostgreSQL");
            return providers;
        }
    }

    public static async Task<CatalogDatabase> CreateAsync(string provider)
    {
        var builder = new DbContextOptionsBuilder<HospitalDbContext>();
        var name = "hospital_catalogs_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == "PostgreSQL")
            builder.UseNpgsql(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("HOSPITAL_TEST_PG")) { Database = name }.ConnectionString);
        else
            builder.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")};Pooling=false");
        builder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        var database = new CatalogDatabase(builder.Options);
        await using var db = database.Context();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A new context, as each web request gets its own.</summary>
    public HospitalDbContext Context() => new(_options);

    public async ValueTask DisposeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureDeletedAsync();
    }
}
