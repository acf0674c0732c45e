using Hospital.Web.Features.StockReports;

namespace Hospital.Tests.Pharmacy.StockReports;

/// <summary>The alert rules by table: where "near expiry", "below minimum" and "slow mover" begin and end.</summary>
public sealed class StockAlertRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData("2026-03-14", 6, ExpiryState.Expired)]   // yesterday was the last day of use
    [InlineData("2026-03-15", 6, ExpiryState.Near)]      // today is still usable
    [InlineData("2026-09-15", 6, ExpiryState.Near)]      // exactly six months ahead
    [InlineData("2026-09-16", 6, ExpiryState.Fine)]
    [InlineData("2026-05-15", 1, ExpiryState.Fine)]      // the setting narrows the window
    [InlineData("2026-04-15", 1, ExpiryState.Near)]
    [InlineData("2025-01-31", 0, ExpiryState.Expired)]
    public void Expiry(string expiry, int months, ExpiryState expected) =>
        Assert.Equal(expected, StockAlertRules.Expiry(DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), Today, months));

    [Theory]
    [InlineData(0, 10, true)]
    [InlineData(9.5, 10, true)]
    [InlineData(10, 10, false)]
    [InlineData(50, 10, false)]
    [InlineData(0, 0, false)]    // no minimum set: never an alert
    public void Below_minimum(decimal usable, decimal minimum, bool expected) =>
        Assert.Equal(expected, StockAlertRules.BelowMinimum(usable, minimum));

    [Theory]
    [InlineData(5, -200, null, true)]     // in the store for long, never issued
    [InlineData(5, -200, -91, true)]      // last issued more than 90 days ago
    [InlineData(5, -200, -90, true)]      // exactly 90 days ago: nothing in the last 90 days
    [InlineData(5, -200, -89, false)]
    [InlineData(5, -89, null, false)]     // received less than 90 days ago: too early to say
    [InlineData(5, -90, null, true)]
    [InlineData(0, -200, null, false)]    // nothing on hand
    public void Slow_mover(decimal onHand, int firstInDaysAgo, int? lastIssuedDaysAgo, bool expected) =>
        Assert.Equal(expected, StockAlertRules.SlowMover(onHand, Today.AddDays(firstInDaysAgo),
            lastIssuedDaysAgo is { } d ? Today.AddDays(d) : null, Today, 90));
}
