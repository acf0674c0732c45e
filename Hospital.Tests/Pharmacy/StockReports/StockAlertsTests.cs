using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Domain.Pharmacy.StockMovementKind;

namespace Hospital.Tests.Pharmacy.StockReports;

/// <summary>The alerts page of one store, with the near-expiry window and slow-mover period from the settings, on both databases.</summary>
public sealed class StockAlertsTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Near_expiry_below_minimum_and_slow_movers_are_listed_with_their_counts(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Pharmacy:NearExpiryMonths"] = "3",
            ["Pharmacy:SlowMoverDays"] = "60",
        });
        var today = VietnamCalendar.Today(TimeProvider.System);
        DateTime DaysAgo(int days) => DateTime.UtcNow.AddDays(-days);
        var far = today.AddYears(2);
        var kit = await StockReportKit.StartAsync(app, "ALR-1");

        // Paracetamol: expired yesterday (5), within 3 months (10), in 4 months (20), recalled (7); minimum 35.
        // Usable is 10 + 20 = 30: the expired and recalled units do not count, so it is under the minimum.
        var expired = await kit.LotAsync("TH0001", "EXP-1", today.AddDays(-1));
        var near = await kit.LotAsync("TH0001", "NEAR-1", today.AddMonths(2));
        var later = await kit.LotAsync("TH0001", "LATER-1", today.AddMonths(4));
        var recalled = await kit.LotAsync("TH0001", "REC-1", far, recalled: true);
        foreach (var (lot, quantity) in new[] { (expired, 5m), (near, 10m), (later, 20m), (recalled, 7m) })
            await kit.PostAsync(DaysAgo(10), lot, Receipt, quantity, 500m);
        await kit.MinimumAsync(expired.Drug, 35);
        // Enough of TH0002 above its minimum.
        var plenty = await kit.LotAsync("TH0002", "OK-1", far);
        await kit.PostAsync(DaysAgo(10), plenty, Receipt, 100, 800m);
        await kit.MinimumAsync(plenty.Drug, 5);
        // Slow movers over 60 days: TH0003 never issued, TH0005 last issued 70 days ago; TH0004 issued 10 days ago is not.
        var never = await kit.LotAsync("TH0003", "SLOW-1", far);
        var recent = await kit.LotAsync("TH0004", "MOVING-1", far);
        var old = await kit.LotAsync("TH0005", "SLOW-2", far);
        foreach (var lot in new[] { never, recent, old }) await kit.PostAsync(DaysAgo(100), lot, Receipt, 40, 1000m);
        await kit.PostAsync(DaysAgo(10), recent, Dispense, -1);
        await kit.PostAsync(DaysAgo(70), old, Dispense, -1);

        using var pharmacist = await MonthlyStockReportTests.SignedInAsync(app);
        var (_, page) = await pharmacist.GetPageAsync($"/pharmacy/alerts?store={kit.StoreId}");

        var expiry = page.QuerySelector("[data-testid=alerts-expiry]")!;
        Assert.Equal("Hết hạn và sắp hết hạn trong 3 tháng (2)", expiry.QuerySelector("h2")!.TextContent.Trim());
        var expiryRows = Cells(expiry);
        Assert.Equal(["EXP-1", "NEAR-1"], expiryRows.Select(r => r[3]));
        Assert.Equal("Quá hạn dùng", expiryRows[0][5]);
        Assert.Equal($"Còn {today.AddMonths(2).DayNumber - today.DayNumber} ngày", expiryRows[1][5]);

        var minimum = page.QuerySelector("[data-testid=alerts-minimum]")!;
        Assert.Equal("Dưới cơ số tối thiểu (1)", minimum.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["TH0001", "30", "35"], Cells(minimum).Single() is var m ? [m[1], m[3], m[4]] : null);

        var slow = page.QuerySelector("[data-testid=alerts-slow]")!;
        Assert.Equal("Chậm luân chuyển: không xuất trong 60 ngày (2)", slow.QuerySelector("h2")!.TextContent.Trim());
        var slowRows = Cells(slow);
        Assert.Equal(["TH0003", "TH0005"], slowRows.Select(r => r[1]));
        Assert.Equal(["40", "Chưa xuất"], [slowRows[0][3], slowRows[0][6]]);
        Assert.Equal(Hospital.Web.Platform.VietnamTime.Date(VietnamCalendar.DateOf(DaysAgo(70))), slowRows[1][6]);

        Assert.Equal("5 cảnh báo", page.QuerySelector("[data-testid=alerts-count]")!.TextContent.Trim());

        var (_, unknown) = await pharmacist.GetPageAsync("/pharmacy/alerts?store=999999");
        Assert.Contains("Không có kho này.", unknown.QuerySelector("[data-testid=alerts-error]")!.TextContent);
    }

    private static List<string[]> Cells(AngleSharp.Dom.IElement section) =>
        section.QuerySelectorAll("[data-testid=alert-row]").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
}
