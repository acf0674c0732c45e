using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;

namespace Hospital.Lis.Validation;

/// <summary>Why a result was not validated automatically (each check that did not hold).</summary>
public enum AutoVerificationBlock
{
    RuleOff = 1,
    NotNumeric = 2,
    NoReferenceRange = 3,
    OutOfRange = 4,
    Critical = 5,
    AnalyserFlagged = 6,
    DeltaBreached = 7,
    UnitMismatch = 8,
    /// <summary>It replaces a value already released to the doctor: a person decides which one stands.</summary>
    ReplacesReleased = 9,
}

/// <summary>What auto-verification looks at for one result.</summary>
public sealed record AutoVerificationInput(
    bool RuleOn, LabResultType ResultType, decimal? NumericValue, string? ReferenceRange, ResultFlag Flag,
    string? AnalyserFlags, bool DeltaBreached, string? Unit, string? CatalogUnit, bool ReplacesReleased = false);

/// <summary>
/// Auto-verification (CLSI AUTO10 "autoverification of clinical laboratory test results"): when an
/// admin turned it on for the test, a result is validated and released without a person only if
/// every check holds: a number, a reference range to judge it by and inside it (no H/L, not
/// critical), no abnormal flag from the analyser (ASTM E1394 R-7, HL7 v2.5 OBX-8: "N" is normal), no delta breach, and the unit the catalog
/// expects (a unit mismatch means the value may be on another scale). Anything else waits for
/// the technician.
/// </summary>
public static class AutoVerification
{
    public static IReadOnlyList<AutoVerificationBlock> Blocks(AutoVerificationInput r)
    {
        var blocks = new List<AutoVerificationBlock>();
        if (!r.RuleOn) blocks.Add(AutoVerificationBlock.RuleOff);
        if (r.ResultType != LabResultType.Numeric || r.NumericValue is null) blocks.Add(AutoVerificationBlock.NotNumeric);
        if (string.IsNullOrWhiteSpace(r.ReferenceRange)) blocks.Add(AutoVerificationBlock.NoReferenceRange);
        if (r.Flag is ResultFlag.CriticalLow or ResultFlag.CriticalHigh) blocks.Add(AutoVerificationBlock.Critical);
        else if (r.Flag != ResultFlag.None) blocks.Add(AutoVerificationBlock.OutOfRange);
        if (LabValueReadings.IsAbnormalFlag(r.AnalyserFlags)) blocks.Add(AutoVerificationBlock.AnalyserFlagged);
        if (r.DeltaBreached) blocks.Add(AutoVerificationBlock.DeltaBreached);
        if (!SameUnit(r.Unit, r.CatalogUnit)) blocks.Add(AutoVerificationBlock.UnitMismatch);
        if (r.ReplacesReleased) blocks.Add(AutoVerificationBlock.ReplacesReleased);
        return blocks;
    }

    public static bool Passes(AutoVerificationInput r) => Blocks(r).Count == 0;

    /// <summary>Units compared without case and spaces ("10^9/L" = "10^9/l"); a result without a unit matches only a test without one.</summary>
    public static bool SameUnit(string? unit, string? catalogUnit) =>
        string.Equals(Normalise(unit), Normalise(catalogUnit), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string? unit) => (unit ?? "").Replace(" ", "").Replace('µ', 'u').Replace('μ', 'u');
}
