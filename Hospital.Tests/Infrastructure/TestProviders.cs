using Hospital.Domain.Data;

namespace Hospital.Tests.Infrastructure;

/// <summary>
/// The databases every integration test runs on. Both are required: HOSPITAL_TEST_PG names a
/// PostgreSQL server (the README test command starts one). Leaving it out fails the
/// PostgreSQL rows with a clear message instead of silently skipping them; a developer may
/// narrow the run on purpose with HOSPITAL_TEST_PROVIDERS=Sqlite.
/// </summary>
public static class TestProviders
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("HOSPITAL_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL for tests is not configured: set HOSPITAL_TEST_PG (e.g. Host=127.0.0.1;Port=5433;Username=postgres) " +
                "or run ./test, which starts a throwaway cluster. To run SQLite only on purpose: HOSPITAL_TEST_PROVIDERS=Sqlite.");

    public static IEnumerable<DatabaseProvider> Enabled =>
        Environment.GetEnvironmentVariable("HOSPITAL_TEST_PROVIDERS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DatabaseProvider>)
            : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    /// <summary>Theory data: one row per database provider.</summary>
    public static TheoryData<DatabaseProvider> All => new(Enabled);
}
