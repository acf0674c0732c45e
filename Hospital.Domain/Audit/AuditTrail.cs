using Hospital.Domain.Data;

namespace Hospital.Domain.Audit;

/// <summary>
/// The audit trail beyond what the interceptor writes: "user X opened record Y" (Circular 46/2018
/// and 13/2025: every access to a medical record is logged) and verification of the hash chain.
/// </summary>
public sealed class AuditTrail(HospitalDbContext db, IAuditUser user, TimeProvider clock)
{
    private const int VerifyBatchSize = 1000;

    public Task RecordAccessAsync<TEntity>(object key, CancellationToken ct = default) =>
        RecordAccessAsync(AuditChanges.EntityName(typeof(TEntity)), Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "", ct);

    /// <summary>Appends an Open row ("user X opened record Y").</summary>
    public Task RecordAccessAsync(string entity, string key, CancellationToken ct = default) =>
        RecordEventAsync(AuditAction.Open, entity, key, ct);

    /// <summary>
    /// Appends one row for something that is not a data change (open, sign, print, export).
    /// Inside the caller's transaction when one is open (it then commits or rolls back with the
    /// caller's work); otherwise in a small transaction of its own.
    /// </summary>
    public async Task RecordEventAsync(string action, string entity, string key, CancellationToken ct = default)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.UserId,
            UserName = user.UserName,
            Action = action,
            Entity = entity,
            EntityKey = key.Length <= 100 ? key : key[..100],
        };
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await AuditChain.LockForAppendAsync(db, transactionIsImmediate: own is not null, ct);
            await AuditChain.AppendAsync(db, [entry], ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Walks the chain in Id order, a batch at a time, recomputing each row's hash and checking
    /// that it names the row before it. Reports the first broken row, or the number of rows.
    /// A removed tail cannot be seen from the chain alone; the row count is there to compare with
    /// an earlier report or backup.
    /// </summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        var previousHash = "";
        var lastId = 0L;
        var rows = 0L;
        while (true)
        {
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(VerifyBatchSize)
                .ToListAsync(ct);
            foreach (var row in batch)
            {
                if (AuditHash.Compute(row) != row.Hash)
                    return new AuditChainReport(rows, row.Id, AuditChainBreak.ContentChanged);
                if (row.PreviousHash != previousHash)
                    return new AuditChainReport(rows, row.Id, AuditChainBreak.LinkBroken);
                previousHash = row.Hash;
                lastId = row.Id;
                rows++;
            }
            if (batch.Count < VerifyBatchSize) return AuditChainReport.Intact(rows);
        }
    }
}
