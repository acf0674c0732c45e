namespace Hospital.Domain.Pharmacy;

/// <summary>A lot as the allocator sees it: what is on hand in one store, and whether it may be handed out.</summary>
public sealed record LotOnHand(int LotId, string LotNumber, DateOnly Expiry, bool Recalled, decimal OnHand);

public sealed record LotAllocation(int LotId, string LotNumber, DateOnly Expiry, decimal Quantity);

/// <param name="Lots">What to take from each lot, soonest expiry first.</param>
/// <param name="Short">What the usable lots could not cover (0 when fully allocated).</param>
public sealed record FefoResult(IReadOnlyList<LotAllocation> Lots, decimal Short)
{
    public decimal Allocated => Lots.Sum(l => l.Quantity);
    public bool Complete => Short == 0;
}

/// <summary>
/// First-expiry-first-out (GSP, TT 36/2018/TT-BYT: "hết hạn trước xuất trước"): takes the
/// wanted quantity from the lots whose expiry is soonest, skipping lots already expired (the
/// expiry date is the last day of use), recalled lots and empty lots. Lots with the same expiry
/// go oldest first (lower id = received earlier). Never takes more than a lot holds.
/// </summary>
public static class FefoAllocation
{
    public static bool IsUsable(LotOnHand lot, DateOnly today) => !lot.Recalled && lot.Expiry >= today && lot.OnHand > 0;

    public static FefoResult Allocate(IEnumerable<LotOnHand> lots, decimal quantity, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var left = quantity;
        var taken = new List<LotAllocation>();
        foreach (var lot in lots.Where(l => IsUsable(l, today)).OrderBy(l => l.Expiry).ThenBy(l => l.LotId))
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.OnHand);
            taken.Add(new LotAllocation(lot.LotId, lot.LotNumber, lot.Expiry, take));
            left -= take;
        }
        return new FefoResult(taken, left);
    }
}
