using Hospital.Domain.Billing;
using Hospital.Domain.Clinical;
using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Domain.Visits;
using Hospital.Web.Features.Billing;
using Hospital.Web.Features.Cashier;
using Hospital.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Demo;

/// <summary>
/// Today's demo money, through the real counter: receipt books for the demo cashiers, then every
/// concluded demo visit but one pays its share in cash at the "cashier" user's counter, which makes
/// the BHYT ones' claims ready for the finance board (<see cref="ClaimPreparation.WhenReadyAsync"/>).
/// The first concluded visit with something to pay is left for whoever tries the counter. Runs only when
/// the demo concludes visits (<see cref="DemoOptions.ConcludedVisits"/>).
/// </summary>
public sealed class DemoBilling(
    HospitalDbContext db, CashierDesk desk, VisitAccount account, ClaimPreparation claims, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoBilling> log)
{
    public const string Cashier = "cashier";

    public async Task SeedTodayAsync(CancellationToken ct)
    {
        // The demo counter comes with the demo doctor's day: without concluded demo visits (the tests'
        // setting) there is nothing to take, and tests open the receipt books they need themselves.
        if (options.Value.ConcludedVisits <= 0) return;
        await DemoCashier.EnsureReceiptBooksAsync(db, clock, ct);
        var today = VietnamCalendar.Today(clock);
        var concluded = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.VisitDate == today && v.Status == VisitStatus.Concluded && v.VoidedAt == null
                        && !db.Set<Payment>().Any(p => p.VisitId == v.Id)
                        && !db.Set<Claim>().Any(c => c.VisitId == v.Id))
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var leftForTheCounter = false;
        foreach (var visitId in concluded)
        {
            var balance = await account.BalanceAsync(visitId, ct);
            var due = balance is null ? 0 : CounterAmounts.Collectable(balance);
            if (due > 0 && !leftForTheCounter)
            {
                leftForTheCounter = true;
                continue;
            }
            if (due > 0)
            {
                var paid = await desk.TakeAsync(visitId, PaymentKind.Payment, PaymentMethod.Cash,
                    due.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Cashier, ct);
                if (paid.Error is { } error) log.LogWarning("Demo payment of visit {Visit} refused: {Error}", visitId, error);
            }
            else
            {
                await claims.WhenReadyAsync(visitId, Cashier, ct);
            }
        }
    }
}
