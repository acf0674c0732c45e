using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Cashier;

/// <summary>
/// Hands out receipt numbers (số biên lai) from the cashier's active <see cref="ReceiptBook"/>:
/// the books assigned to the cashier first, then the shared ones, oldest first. The number is
/// taken by one UPDATE … RETURNING that only succeeds while the book has numbers left, so two
/// counters never print the same number (the unique (series, number) index is the backstop);
/// call it inside the transaction that stores the payment, so a rollback gives the number back.
/// </summary>
public sealed class ReceiptNumbers(HospitalDbContext db)
{
    public sealed record Taken(int BookId, string Series, int Number);

    /// <summary>The next number, or null with a Vietnamese reason (no book for the cashier, or every book used up).</summary>
    public async Task<(Taken? Number, string? Error)> TakeAsync(string cashier, CancellationToken ct)
    {
        var books = await db.Set<ReceiptBook>().AsNoTracking()
            .Where(b => b.IsActive && (b.AssignedTo == cashier || b.AssignedTo == null))
            .OrderBy(b => b.AssignedTo == null).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Series }).ToListAsync(ct);
        foreach (var book in books)
        {
            var numbers = await db.Database.SqlQueryRaw<int>(
                """
                UPDATE receipt_books SET next_number = next_number + 1
                WHERE id = {0} AND is_active = {1} AND next_number <= last_number
                RETURNING next_number - 1 AS "Value"
                """, book.Id, true).ToListAsync(ct);
            if (numbers.Count == 1) return (new Taken(book.Id, book.Series, numbers[0]), null);
        }
        return (null, books.Count == 0
            ? $"Thu ngân {cashier} chưa có quyển biên lai đang dùng. Nhờ quản trị giao quyển biên lai (Thu ngân → Quyển biên lai)."
            : $"Quyển biên lai {string.Join(", ", books.Select(b => b.Series))} đã hết số. Nhờ quản trị mở quyển biên lai mới.");
    }

    public static void Stamp(Payment payment, Taken number)
    {
        payment.ReceiptBookId = number.BookId;
        payment.ReceiptSeries = number.Series;
        payment.ReceiptNumber = number.Number;
    }
}
