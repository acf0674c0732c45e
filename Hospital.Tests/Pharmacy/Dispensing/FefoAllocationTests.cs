using Hospital.Domain.Pharmacy;
using Hospital.Web.Features.Dispensing;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>First-expiry-first-out (GSP TT 36/2018) as a table: which lots a wanted quantity comes from.</summary>
public sealed class FefoAllocationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    // Lots: id, number, expiry, recalled, on hand.
    private static readonly LotOnHand A = new(1, "A", new DateOnly(2027, 6, 30), false, 10);
    private static readonly LotOnHand B = new(2, "B", new DateOnly(2027, 1, 31), false, 5);
    private static readonly LotOnHand C = new(3, "C", new DateOnly(2028, 3, 31), false, 20);
    private static readonly LotOnHand Expired = new(4, "HET", new DateOnly(2026, 11, 22), false, 50);
    private static readonly LotOnHand LastDay = new(5, "CUOI", Today, false, 2);
    private static readonly LotOnHand Recalled = new(6, "THUHOI", new DateOnly(2026, 12, 31), true, 50);
    private static readonly LotOnHand Empty = new(7, "RONG", new DateOnly(2026, 12, 1), false, 0);
    private static readonly LotOnHand SameExpiryOlder = new(8, "CU", new DateOnly(2027, 6, 30), false, 3);
    private static readonly LotOnHand SameExpiryNewer = new(9, "MOI", new DateOnly(2027, 6, 30), false, 3);

    public static TheoryData<string, LotOnHand[], decimal, string, decimal> Cases => new()
    {
        // case, lots, wanted, expected "lot:qty" in order, short
        { "soonest expiry first", [A, B, C], 3, "B:3", 0 },
        { "spills into the next expiry", [A, B, C], 12, "B:5 A:7", 0 },
        { "three lots", [C, A, B], 30, "B:5 A:10 C:15", 0 },
        { "exact total", [A, B], 15, "B:5 A:10", 0 },
        { "short by what is missing", [A, B], 18, "B:5 A:10", 3 },
        { "partial quantities", [B], 2.5m, "B:2.5", 0 },
        { "expired lot skipped", [Expired, A], 4, "A:4", 0 },
        { "the expiry date itself is still usable", [LastDay, A], 3, "CUOI:2 A:1", 0 },
        { "recalled lot skipped", [Recalled, A], 4, "A:4", 0 },
        { "empty lot skipped", [Empty, B], 1, "B:1", 0 },
        { "same expiry: the older lot", [SameExpiryNewer, SameExpiryOlder], 4, "CU:3 MOI:1", 0 },
        { "zero wanted takes nothing", [A, B], 0, "", 0 },
        { "nothing usable", [Expired, Recalled, Empty], 5, "", 5 },
        { "no lots", [], 1, "", 1 },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Allocates_first_expiry_first_out(string name, LotOnHand[] lots, decimal wanted, string expected, decimal shortBy)
    {
        var result = FefoAllocation.Allocate(lots, wanted, Today);
        Assert.True(expected == string.Join(" ", result.Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")), name);
        Assert.Equal(shortBy, result.Short);
        Assert.Equal(wanted - shortBy, result.Allocated);
        Assert.Equal(shortBy == 0, result.Complete);
    }

    [Fact]
    public void Two_lines_of_the_same_drug_share_its_lots()
    {
        var plan = DispensingRules.Plan(
            [new PendingLine(100, 7, 4), new PendingLine(101, 7, 4), new PendingLine(102, 8, 1)],
            [new StoreLot(7, B), new StoreLot(7, A), new StoreLot(8, C)], Today);

        Assert.Equal("B:4", string.Join(" ", plan[100].Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")));
        Assert.Equal("B:1 A:3", string.Join(" ", plan[101].Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")));
        Assert.Equal("C:1", string.Join(" ", plan[102].Lots.Select(l => $"{l.LotNumber}:{l.Quantity:0.###}")));
    }
}
