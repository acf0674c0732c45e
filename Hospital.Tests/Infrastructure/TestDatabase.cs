using Hospital.Domain.Data;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hospital.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider for one test class: a temporary SQLite file, or a
/// new database on the PostgreSQL server named by HOSPITAL_TEST_PG. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _pgName;
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? pgName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _pgName = pgName;
        _sqliteFile = sqliteFile;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "hospital-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False;Default Timeout=30", null, file);
        }
        var server = TestProviders.PostgresServer;
        var name = $"t_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 20 }.ToString();
        return new TestDatabase(provider, cs, name, null);
    }

    /// <summary>A context on this database, with the same provider settings the app uses.</summary>
    public HospitalDbContext NewContext(params IInterceptor[] interceptors)
    {
        var b = new DbContextOptionsBuilder<HospitalDbContext>();
        DatabaseSetup.Configure(b, Provider, ConnectionString);
        if (interceptors.Length > 0) b.AddInterceptors(interceptors);
        return new HospitalDbContext(b.Options);
    }

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(TestProviders.PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
