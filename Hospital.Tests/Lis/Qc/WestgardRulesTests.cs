using Hospital.Lis.Qc;
using static Hospital.Lis.Qc.WestgardRule;

namespace Hospital.Tests.Lis.Qc;

/// <summary>
/// The Westgard multirule (Westgard et al., Clin Chem 1981;27:493–501) on a control's series of
/// z-scores, oldest first, judged at its last value.
/// </summary>
public sealed class WestgardRulesTests
{
    public static TheoryData<string, decimal[], WestgardRule[]> Cases => new()
    {
        { "in control", [0.5m, -0.8m, 1.2m, -0.3m], [] },
        { "exactly 2 SD is not beyond it", [2m], [] },
        { "1-2s warning only", [0.1m, 2.1m], [Warning12s] },
        { "1-2s below the mean", [0.1m, -2.4m], [Warning12s] },
        { "1-3s high", [0.2m, 3.1m], [Warning12s, Reject13s] },
        { "1-3s low", [-3.5m], [Warning12s, Reject13s] },
        { "2-2s high: two in a row beyond +2 SD", [0.3m, 2.2m, 2.5m], [Warning12s, Reject22s] },
        { "2-2s low", [-2.1m, -2.9m], [Warning12s, Reject22s] },
        { "opposite sides beyond 2 SD are R-4s, not 2-2s", [2.3m, -2.2m], [Warning12s, RejectR4s] },
        { "R-4s with a 1-3s", [-2.5m, 3.2m], [Warning12s, Reject13s, RejectR4s] },
        { "2 SD apart are not R-4s without each beyond 2 SD", [1.9m, -2.5m], [Warning12s] },
        { "the earlier of two beyond 2 SD is not judged again", [2.5m, 2.4m, 0.1m], [] },
        { "4-1s high", [1.1m, 1.5m, 1.2m, 1.9m], [Reject41s] },
        { "4-1s low, with 1-2s on the last", [-1.2m, -1.4m, -1.1m, -2.2m], [Warning12s, Reject41s] },
        { "three beyond 1 SD are not 4-1s", [0.2m, 1.2m, 1.5m, 1.9m], [] },
        { "four beyond 1 SD but not on one side", [1.2m, -1.5m, 1.2m, 1.9m], [] },
        { "10x above the mean", [0.1m, 0.5m, 0.3m, 0.9m, 0.2m, 0.4m, 0.7m, 0.1m, 0.6m, 0.3m], [Reject10x] },
        { "10x below the mean", [-0.1m, -0.5m, -0.3m, -0.9m, -0.2m, -0.4m, -0.7m, -0.1m, -0.6m, -0.3m], [Reject10x] },
        { "nine on one side are not 10x", [-0.4m, 0.5m, 0.3m, 0.9m, 0.2m, 0.4m, 0.7m, 0.1m, 0.6m, 0.3m], [] },
        { "a value on the mean breaks a 10x run", [0.1m, 0.5m, 0.3m, 0.9m, 0m, 0.4m, 0.7m, 0.1m, 0.6m, 0.3m], [] },
        { "shift: 10x, 4-1s and 2-2s together", [0.5m, 0.4m, 0.3m, 0.6m, 0.2m, 0.8m, 1.3m, 1.5m, 2.4m, 2.6m],
            [Warning12s, Reject22s, Reject41s, Reject10x] },
        { "no values", [], [] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void The_last_value_breaks_exactly_these_rules(string description, decimal[] zScores, WestgardRule[] expected)
    {
        Assert.True(expected.SequenceEqual(WestgardRules.Broken(zScores)),
            $"{description}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", WestgardRules.Broken(zScores))}]");
    }

    [Fact]
    public void Violations_are_stored_as_lab_names_and_only_1_2s_lets_the_run_through()
    {
        Assert.Equal("1-2s;1-3s;2-2s;R-4s;4-1s;10x", WestgardRules.Format(Enum.GetValues<WestgardRule>()));
        Assert.Null(WestgardRules.Format([]));
        Assert.Equal([Reject13s, Reject22s, RejectR4s, Reject41s, Reject10x], Enum.GetValues<WestgardRule>().Where(WestgardRules.Rejects));
        Assert.Equal(-2.5m, WestgardRules.ZScore(95, 100, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WestgardRules.ZScore(95, 100, 0));
    }
}
