using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>
/// The one way a stock document is written: in one transaction (BEGIN IMMEDIATE on SQLite, so
/// writers take turns), the document row first (its id numbers the ledger rows), then the movements
/// through <see cref="StockLedger"/>; a shortage rolls everything back, document included, so a
/// refused document leaves no trace.
/// </summary>
public sealed class StockDocumentPosting(HospitalDbContext db, StockLedger ledger)
{
    /// <summary>Said when another user changed the document's status between reading and saving (its status is a concurrency token).</summary>
    public const string TakenMeanwhile = "Phiếu vừa được người khác xử lý: mở lại phiếu để xem trạng thái mới.";

    /// <param name="write">Adds the document (any of the pharmacy documents: they all have Id and Number) to the context and may change others; runs inside the transaction.</param>
    /// <param name="entries">The movements, given the saved document's id; they may read the database (still inside the transaction).</param>
    public async Task<StockOutcome> PostAsync(StockDocument document, Func<CancellationToken, Task<object>> write,
        Func<int, CancellationToken, Task<IReadOnlyList<StockEntry>>> entries, string user,
        CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var entry = db.Entry(await write(ct));
            await db.SaveChangesAsync(ct);
            var id = (int)entry.Property("Id").CurrentValue!;
            var number = (string)entry.Property("Number").CurrentValue!;
            var lines = await entries(id, ct);
            if (await ledger.PostAsync(document, id, lines, user, ct) is { } short_)
            {
                // Rolled back first, so the message tells what is on hand, not what this document half-took.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return StockOutcome.Refused(await StockOnHand.ShortageTextAsync(db, short_, ct));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return StockOutcome.Done(id, number);
        }
        catch (StockDocumentRefused refused)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StockOutcome.Refused(refused.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else approved, received or refused the same document a moment earlier.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return StockOutcome.Refused(TakenMeanwhile);
        }
    }
}

/// <summary>Thrown by a document's write step when what it finds inside the transaction (status, stock) forbids it; nothing is stored.</summary>
public sealed class StockDocumentRefused(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public StockDocumentRefused(string error) : this([error]) { }

    public IReadOnlyList<string> Errors { get; } = errors;
}
