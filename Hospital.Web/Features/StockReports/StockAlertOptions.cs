namespace Hospital.Web.Features.StockReports;

/// <summary>
/// Settings section <c>Pharmacy</c>: how far ahead an expiry counts as near (GSP, TT 36/2018: stock
/// near its expiry is watched and used first or returned), and how long without any issue makes a
/// drug a slow mover in a store.
/// </summary>
public sealed class StockAlertOptions
{
    public const string Section = "Pharmacy";

    public int NearExpiryMonths { get; set; } = 6;
    public int SlowMoverDays { get; set; } = 90;
}
