namespace Hospital.Lis.Validation;

/// <summary>The patient's previous validated value of a test, as the delta check compares against it.</summary>
public sealed record PreviousResult(decimal Value, DateTime ValidatedAt);

/// <summary>What the delta check found: the previous value it used (null when none in the window) and whether the change breaches the limit.</summary>
public sealed record DeltaOutcome(PreviousResult? Previous, decimal? ChangePercent, bool Breached)
{
    public static readonly DeltaOutcome None = new(null, null, false);
}

/// <summary>
/// Delta check (CLSI EP33 "use of delta checks"): a value that moved from the patient's previous
/// validated value of the same test by more than the test's limit, in percent of the previous
/// value, is held for a person to look at (a swapped tube or a clot looks like a sudden change).
/// Only a previous value inside the rule's window counts: an old value says little about today.
/// No previous value, or no limit set: no breach.
/// </summary>
public static class DeltaCheck
{
    public static DeltaOutcome Evaluate(decimal? value, DateTime at, PreviousResult? previous, decimal? limitPercent, int windowDays)
    {
        if (previous is null || value is not { } current) return DeltaOutcome.None;
        if (windowDays <= 0 || previous.ValidatedAt < at.AddDays(-windowDays)) return DeltaOutcome.None;
        var change = ChangePercent(previous.Value, current);
        var breached = limitPercent is { } limit && (change is null || change.Value > limit);
        return new DeltaOutcome(previous, change, breached);
    }

    /// <summary>|current − previous| in percent of |previous|; null when the previous value is 0 and the current is not (an unbounded change).</summary>
    public static decimal? ChangePercent(decimal previous, decimal current)
    {
        if (previous == 0) return current == 0 ? 0 : null;
        return Math.Round(Math.Abs(current - previous) / Math.Abs(previous) * 100, 2);
    }
}
