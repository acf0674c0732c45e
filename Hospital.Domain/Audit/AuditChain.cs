using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Domain.Audit;

/// <summary>
/// Appends rows to the hash chain inside the caller's open transaction. Appends must not
/// interleave, or two rows would name the same predecessor and the chain would fork:
/// <list type="bullet">
/// <item>PostgreSQL: a transaction-scoped advisory lock, taken before the last hash is read
/// and released by commit or rollback.</item>
/// <item>SQLite: one writer at a time. Microsoft.Data.Sqlite's <c>BeginTransaction()</c> issues
/// <c>BEGIN IMMEDIATE</c> (the write lock at once; a test checks this). A transaction someone else
/// began may be deferred, so there a no-op write takes the write lock before the read.</item>
/// </list>
/// Rows are written with plain commands, not SaveChanges, so auditing never recurses and the
/// caller's change tracker is left alone.
/// </summary>
public static class AuditChain
{
    /// <summary>Arbitrary constant shared by all Hospital instances ("HOSPAUDT").</summary>
    public const long AppendLockKey = 0x484F535041554454;

    /// <summary>Rows per INSERT: 9 parameters each stays far below SQLite's and PostgreSQL's parameter limits (32,766 / 65,535).</summary>
    private const int RowsPerInsert = 500;

    private static readonly string[] Columns = ["at", "user_id", "user_name", "action", "entity", "entity_key", "changes", "previous_hash", "hash"];

    private const string LastHashSql = "SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1";

    public static void LockForAppend(DbContext db, bool transactionIsImmediate)
    {
        if (LockSql(db, transactionIsImmediate) is { } sql)
        {
            using var cmd = Command(db, sql);
            cmd.ExecuteNonQuery();
        }
    }

    public static async Task LockForAppendAsync(DbContext db, bool transactionIsImmediate, CancellationToken ct)
    {
        if (LockSql(db, transactionIsImmediate) is { } sql)
        {
            await using var cmd = Command(db, sql);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Sets At precision, PreviousHash and Hash of each entry, in order, and inserts them.</summary>
    public static void Append(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        string previous;
        using (var read = Command(db, LastHashSql))
            previous = read.ExecuteScalar() as string ?? "";
        foreach (var e in entries) previous = Seal(e, previous);
        foreach (var chunk in entries.Chunk(RowsPerInsert))
        {
            using var insert = InsertCommand(db, chunk);
            insert.ExecuteNonQuery();
        }
    }

    public static async Task AppendAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        string previous;
        await using (var read = Command(db, LastHashSql))
            previous = await read.ExecuteScalarAsync(ct) as string ?? "";
        foreach (var e in entries) previous = Seal(e, previous);
        foreach (var chunk in entries.Chunk(RowsPerInsert))
        {
            await using var insert = InsertCommand(db, chunk);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Seal(AuditEntry e, string previous)
    {
        e.At = AuditHash.StoredPrecision(e.At);
        e.PreviousHash = previous;
        e.Hash = AuditHash.Compute(e);
        return e.Hash;
    }

    private static string? LockSql(DbContext db, bool transactionIsImmediate) =>
        db.Database.IsNpgsql() ? $"SELECT pg_advisory_xact_lock({AppendLockKey})"
        : transactionIsImmediate ? null
        : "UPDATE audit_entries SET hash = hash WHERE 1 = 0";

    private static DbCommand Command(DbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Audit rows are appended inside a transaction.");
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = transaction.GetDbTransaction();
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>
    /// One multi-row INSERT for all rows of a save, in chain order (ids follow the VALUES order on
    /// both providers): one round trip instead of one per row, while the append lock is held.
    /// </summary>
    private static DbCommand InsertCommand(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        var cmd = Command(db, "");
        var rows = new List<string>(entries.Count);
        for (var row = 0; row < entries.Count; row++)
        {
            var e = entries[row];
            object?[] values = [e.At, e.UserId, e.UserName, e.Action, e.Entity, e.EntityKey, e.Changes, e.PreviousHash, e.Hash];
            var names = new string[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = names[i] = $"@{Columns[i]}{row}";
                if (i > 0) p.DbType = System.Data.DbType.String;
                p.Value = values[i] ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
            rows.Add("(" + string.Join(", ", names) + ")");
        }
        cmd.CommandText = $"INSERT INTO audit_entries ({string.Join(", ", Columns)}) VALUES {string.Join(", ", rows)}";
        return cmd;
    }
}
