namespace Hospital.Web.Features.StockReports;

/// <summary>How close a lot's expiry is, as the alerts list and colour it.</summary>
public enum ExpiryState { Fine, Near, Expired }

/// <summary>
/// The alert rules, pure so they are tested by table. Expiry is the last day of use (the foundation's
/// <c>DrugLot.Expiry</c>), so a lot expiring today is still near, not expired.
/// </summary>
public static class StockAlertRules
{
    /// <summary>Expired before today; near when it expires within <paramref name="months"/> months from today (inclusive).</summary>
    public static ExpiryState Expiry(DateOnly expiry, DateOnly today, int months) =>
        expiry < today ? ExpiryState.Expired
        : expiry <= today.AddMonths(months) ? ExpiryState.Near
        : ExpiryState.Fine;

    /// <summary>Below the store's minimum (cơ số tối thiểu) when what can still be handed out is less than it.</summary>
    public static bool BelowMinimum(decimal usableOnHand, decimal minimum) => minimum > 0 && usableOnHand < minimum;

    /// <summary>
    /// A slow mover has stock, nothing issued (dispensed or transferred out) for <paramref name="days"/> days,
    /// and has been in the store at least that long: a drug received last week is not slow yet.
    /// </summary>
    public static bool SlowMover(decimal onHand, DateOnly firstIn, DateOnly? lastIssued, DateOnly today, int days)
    {
        var since = today.AddDays(-days);
        return onHand > 0 && firstIn <= since && (lastIssued is not { } last || last <= since);
    }
}
