using System.Data.Common;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Infrastructure;

/// <summary>
/// A provider's catalog of tables, columns (type, nullability, identity), indexes and foreign
/// keys, as sorted text lines, so two databases can be compared line by line.
/// </summary>
public static class SchemaDescription
{
    private static readonly string[] EfTables = ["__ef_migrations_history", "__EFMigrationsLock", "__EFMigrationsHistory"];

    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = database.Provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(conn) : await ReadPostgresAsync(conn);
        return lines.Where(l => !EfTables.Any(l.Contains)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection conn)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var t in tables)
        {
            lines.Add($"table {t}");
            lines.AddRange(await QueryAsync(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')",
                r => $"column {t}.{r.GetString(0)} {r.GetString(1)} {(r.GetInt64(2) == 1 ? "not null" : "null")} pk={r.GetInt64(3)}"));
            lines.AddRange(await QueryAsync(conn,
                $"SELECT il.name, il.\"unique\", (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)) FROM pragma_index_list('{t}') il WHERE il.origin = 'c'",
                r => $"index {r.GetString(0)} on {t}({r.GetString(2)}) unique={r.GetInt64(1)}"));
            lines.AddRange(await QueryAsync(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')",
                r => $"fk {t}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"));
            var autoincrement = await QueryAsync(conn, $"SELECT sql FROM sqlite_master WHERE name = '{t}'", r => r.GetString(0));
            if (autoincrement.Single().Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"autoincrement {t}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection conn)
    {
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(conn, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => $"table {r.GetString(0)}"));
        lines.AddRange(await QueryAsync(conn, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), coalesce(numeric_precision, -1),
                   coalesce(numeric_scale, -1), is_nullable, is_identity, coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} len={r.GetInt32(3)} p={r.GetInt32(4)} s={r.GetInt32(5)} " +
                 $"{(r.GetString(6) == "YES" ? "null" : "not null")} identity={r.GetString(7)} {r.GetString(8)}"));
        lines.AddRange(await QueryAsync(conn, "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)} on {r.GetString(1)}: {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(conn, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u')
            """,
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection conn, string sql, Func<DbDataReader, T> map)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(map(reader));
        return list;
    }
}
