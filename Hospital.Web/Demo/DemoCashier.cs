using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Demo;

/// <summary>Demo cashiering: each demo cashier gets a receipt book of their own, so the counter can print receipts from the first click.</summary>
public static class DemoCashier
{
    public const int BookSize = 5000;

    public static async Task EnsureReceiptBooksAsync(HospitalDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var year = Hospital.Domain.Common.VietnamCalendar.Today(clock).Year % 100;
        var cashiers = DemoOptions.Users.Where(u => u.Role == Roles.Cashier).Select(u => u.UserName).ToList();
        for (var i = 0; i < cashiers.Count; i++)
        {
            var cashier = cashiers[i];
            if (await db.Set<ReceiptBook>().AnyAsync(b => b.AssignedTo == cashier, ct)) continue;
            var series = $"BL{i + 1:00}/{year:00}";
            if (await db.Set<ReceiptBook>().AnyAsync(b => b.Series == series, ct)) continue;
            db.Add(new ReceiptBook
            {
                Series = series, Name = $"Biên lai thu tiền quầy {i + 1}", FirstNumber = 1, LastNumber = BookSize, NextNumber = 1,
                AssignedTo = cashier, IsActive = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
