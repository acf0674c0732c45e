using System.Runtime.CompilerServices;
using Hospital.Domain.Common;
using Hospital.Domain.Outbox;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hospital.Domain.Audit;

/// <summary>
/// Writes an audit row for every create, update, void and delete saved through EF Core, in the
/// same transaction as the change (Circular 46/2018 and 13/2025 on EMR: every change is traceable
/// to a person and a time). With no transaction open it opens one before the save and commits it
/// after the audit rows are written, so a change without its audit row never becomes visible.
/// It also refuses a hard delete of clinical and financial rows (<see cref="IVoidable"/>).
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass it: use them only for rows not audited
/// (outbox leases, "last used" stamps).
/// </summary>
public sealed class AuditInterceptor(IAuditUser user, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db || AlreadyPreparing(db, eventData) || Collect(db, eventData) is not { } pending) return result;
        if (db.Database.CurrentTransaction is null) pending.OwnTransaction = db.Database.BeginTransaction();
        try
        {
            AuditChain.LockForAppend(db, transactionIsImmediate: pending.OwnTransaction is not null);
        }
        catch
        {
            pending.OwnTransaction?.Dispose();
            throw;
        }
        _pending.AddOrUpdate(db, pending);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || AlreadyPreparing(db, eventData) || Collect(db, eventData) is not { } pending) return result;
        if (db.Database.CurrentTransaction is null) pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await AuditChain.LockForAppendAsync(db, pending.OwnTransaction is not null, cancellationToken);
        }
        catch
        {
            if (pending.OwnTransaction is not null) await pending.OwnTransaction.DisposeAsync();
            throw;
        }
        _pending.AddOrUpdate(db, pending);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        using var own = pending.OwnTransaction;
        AuditChain.Append(db, pending.ToEntries(user, clock));
        own?.Commit();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        await using var own = pending.OwnTransaction;
        await AuditChain.AppendAsync(db, pending.ToEntries(user, clock), cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return result;
    }

    // A failed save (or a failed audit append above, since disposing an uncommitted transaction
    // rolls it back) leaves nothing behind: the transaction we opened is rolled back here.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    private void Abandon(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        pending.OwnTransaction?.Dispose();
    }

    private async Task AbandonAsync(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        if (pending.OwnTransaction is not null) await pending.OwnTransaction.DisposeAsync();
    }

    /// <summary>
    /// True when this save is already being prepared: the interceptor was added to the context
    /// twice and EF calls it twice with the same event. A pending audit of an earlier save that
    /// another interceptor aborted before it ran (EF then reports no failure) is dropped here.
    /// </summary>
    private bool AlreadyPreparing(DbContext db, DbContextEventData eventData)
    {
        if (!_pending.TryGetValue(db, out var existing)) return false;
        if (ReferenceEquals(existing.Saving, eventData)) return true;
        _pending.Remove(db);
        existing.OwnTransaction?.Dispose();
        return false;
    }

    /// <summary>
    /// What this save will change, read before it runs: original values and deleted rows are
    /// gone afterwards. Null when nothing audited changes. Throws before anything is written
    /// when the save would hard-delete a voidable row or touch the trail itself.
    /// </summary>
    private static PendingAudit? Collect(DbContext db, DbContextEventData saving)
    {
        List<PendingChange>? changes = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            // The outbox keeps its own history (attempts, errors, who retried or cancelled).
            if (entry.Entity is OutboxMessage or INotAudited) continue;
            if (entry.Entity is AuditEntry)
                throw new DomainException("Nhật ký truy vết chỉ được ghi thêm; không được tạo, sửa hay xóa dòng nhật ký trực tiếp.");
            var change = Describe(entry);
            if (change is not null) (changes ??= []).Add(change);
        }
        return changes is null ? null : new PendingAudit(changes, saving);
    }

    private static PendingChange? Describe(EntityEntry entry)
    {
        var entity = AuditChanges.EntityName(entry.Metadata.ClrType);
        RefuseChangeToSealedRecord(entry, entity);
        switch (entry.State)
        {
            case EntityState.Added:
                // Key and store-generated values are known only after the save. Adding a signed
                // document is its signing: one Sign row, written with the document.
                return new PendingChange(entry, entry.Entity is ISignedRecord ? AuditAction.Sign : AuditAction.Create, entity, null, null);
            case EntityState.Deleted when entry.Entity is IVoidable:
                throw new DomainException(
                    $"Không được xóa hẳn bản ghi {entity} #{AuditChanges.KeyOf(entry)}: dữ liệu lâm sàng và tài chính chỉ được hủy kèm lý do.");
            case EntityState.Deleted:
                return new PendingChange(entry, AuditAction.Delete, entity, AuditChanges.KeyOf(entry), AuditChanges.ForDelete(entry));
            default:
                if (!AuditChanges.ChangedProperties(entry).Any()) return null;
                return new PendingChange(entry, IsBeingVoided(entry) ? AuditAction.Void : AuditAction.Update,
                    entity, AuditChanges.KeyOf(entry), AuditChanges.ForUpdate(entry));
        }
    }

    /// <summary>Signed documents never change; a concluded exam takes addenda, not edits.</summary>
    private static void RefuseChangeToSealedRecord(EntityEntry entry, string entity)
    {
        if (entry.State == EntityState.Added) return;
        var changes = entry.State == EntityState.Deleted || AuditChanges.ChangedProperties(entry).Any();
        if (!changes) return;
        if (entry.Entity is IImmutableRecord)
            throw new DomainException(
                $"Không được sửa hay xóa {entity} #{AuditChanges.KeyOf(entry)}: tài liệu đã ký là bất biến, hãy tạo phiên bản mới kèm lý do.");
        if (WasLocked(entry))
            throw new DomainException(
                $"Không được sửa {entity} #{AuditChanges.KeyOf(entry)} đã khóa (đã kết thúc khám); hãy ghi bổ sung có ký số.");
    }

    /// <summary>Whether the row was locked as it was read (a concluded exam), whatever the caller set since.</summary>
    private static bool WasLocked(EntityEntry entry) =>
        entry.Entity is ILockableRecord && entry.OriginalValues.ToObject() is ILockableRecord { IsLocked: true };

    private static bool IsBeingVoided(EntityEntry entry) =>
        entry.Entity is IVoidable { VoidedAt: not null }
        && entry.Property(nameof(IVoidable.VoidedAt)).OriginalValue is null;

    private sealed record PendingChange(EntityEntry Entry, string Action, string Entity, string? Key, string? Changes);

    private sealed class PendingAudit(List<PendingChange> changes, DbContextEventData saving)
    {
        public DbContextEventData Saving { get; } = saving;
        public IDbContextTransaction? OwnTransaction { get; set; }

        public List<AuditEntry> ToEntries(IAuditUser user, TimeProvider clock)
        {
            var at = clock.GetUtcNow().UtcDateTime;
            var userId = user.UserId;
            var userName = user.UserName;
            return changes.Select(c => new AuditEntry
            {
                At = at,
                UserId = userId,
                UserName = userName,
                Action = c.Action,
                Entity = c.Entity,
                EntityKey = c.Key ?? AuditChanges.KeyOf(c.Entry),
                Changes = c.Changes ?? AuditChanges.ForCreate(c.Entry),
            }).ToList();
        }
    }
}
