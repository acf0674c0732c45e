namespace Hospital.Lis.Qc;

/// <summary>
/// The Westgard multirule QC procedure (Westgard JO, Barry PL, Hunt MR, Groth T. "A multi-rule
/// Shewhart chart for quality control in clinical chemistry", Clin Chem 1981;27:493–501): one
/// warning rule and five rejection rules, each read as "N control values beyond L SD".
/// </summary>
public enum WestgardRule
{
    /// <summary>1-2s: the value is beyond ±2 SD. A warning: about 1 in 20 good runs does this.</summary>
    Warning12s = 1,
    /// <summary>1-3s: the value is beyond ±3 SD (random error).</summary>
    Reject13s = 2,
    /// <summary>2-2s: this and the previous value are both beyond the same 2 SD limit (systematic error).</summary>
    Reject22s = 3,
    /// <summary>R-4s: this value and the previous one are beyond opposite 2 SD limits, a range over 4 SD (random error).</summary>
    RejectR4s = 4,
    /// <summary>4-1s: the last four values are beyond the same 1 SD limit (systematic error).</summary>
    Reject41s = 5,
    /// <summary>10x: the last ten values are on the same side of the mean (systematic error, shift).</summary>
    Reject10x = 6,
}

/// <summary>
/// Which Westgard rules the newest value of a control's series breaks. A pure function of the
/// series as z-scores ((value − mean) / SD against the control's target), oldest first, the newest
/// last; earlier values only matter through the rules that look back (2-2s, R-4s, 4-1s, 10x).
/// Every rule is checked on every value, as LIS software does, rather than only after a 1-2s
/// warning as on the 1981 paper chart: a 4-1s or 10x shift can build up inside ±2 SD.
/// R-4s is meant within one run; with one value per control and run it is applied to the last two
/// values of the same control, the way a single-level series allows.
/// </summary>
public static class WestgardRules
{
    /// <summary>The rules the last value of <paramref name="zScores"/> breaks, in the order of <see cref="WestgardRule"/>.</summary>
    public static IReadOnlyList<WestgardRule> Broken(IReadOnlyList<decimal> zScores)
    {
        var broken = new List<WestgardRule>();
        if (zScores.Count == 0) return broken;
        var z = zScores[^1];
        if (Math.Abs(z) > 2) broken.Add(WestgardRule.Warning12s);
        if (Math.Abs(z) > 3) broken.Add(WestgardRule.Reject13s);
        if (zScores.Count >= 2)
        {
            var previous = zScores[^2];
            if ((z > 2 && previous > 2) || (z < -2 && previous < -2)) broken.Add(WestgardRule.Reject22s);
            if ((z > 2 && previous < -2) || (z < -2 && previous > 2)) broken.Add(WestgardRule.RejectR4s);
        }
        if (LastAll(zScores, 4, v => v > 1) || LastAll(zScores, 4, v => v < -1)) broken.Add(WestgardRule.Reject41s);
        if (LastAll(zScores, 10, v => v > 0) || LastAll(zScores, 10, v => v < 0)) broken.Add(WestgardRule.Reject10x);
        return broken;
    }

    /// <summary>How far <paramref name="value"/> is from the target mean, in SDs.</summary>
    public static decimal ZScore(decimal value, decimal mean, decimal sd) =>
        sd > 0 ? (value - mean) / sd : throw new ArgumentOutOfRangeException(nameof(sd), "SD must be positive.");

    /// <summary>The rule's name as labs write it ("1-3s").</summary>
    public static string Code(WestgardRule rule) => rule switch
    {
        WestgardRule.Warning12s => "1-2s",
        WestgardRule.Reject13s => "1-3s",
        WestgardRule.Reject22s => "2-2s",
        WestgardRule.RejectR4s => "R-4s",
        WestgardRule.Reject41s => "4-1s",
        WestgardRule.Reject10x => "10x",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>Every rule but 1-2s rejects the run: its patient results need review before release.</summary>
    public static bool Rejects(WestgardRule rule) => rule != WestgardRule.Warning12s;

    /// <summary>As stored in <c>QcResult.Violations</c>: codes separated by ';', null when none.</summary>
    public static string? Format(IReadOnlyList<WestgardRule> broken) =>
        broken.Count == 0 ? null : string.Join(";", broken.Select(Code));

    private static bool LastAll(IReadOnlyList<decimal> zScores, int count, Func<decimal, bool> test)
    {
        if (zScores.Count < count) return false;
        for (var i = zScores.Count - count; i < zScores.Count; i++)
            if (!test(zScores[i])) return false;
        return true;
    }
}
