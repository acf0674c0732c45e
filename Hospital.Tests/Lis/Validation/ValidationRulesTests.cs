using Hospital.Domain.Clinical;
using Hospital.Domain.Lab;
using Hospital.Lis.Validation;

namespace Hospital.Tests.Lis.Validation;

/// <summary>The delta check, auto-verification and typed values, as pure rules.</summary>
public sealed class ValidationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<decimal?, int?, decimal?, int, decimal?, bool> DeltaCases => new()
    {
        // value, previous (days ago; null = none), limit %, window days, change %, breached
        { 10m, null, 20m, 30, null, false },     // no previous value: no breach
        { 20m, 5, null, 30, 100m, false },       // no limit set: shown, never breached
        { 11m, 5, 20m, 30, 10m, false },         // +10 % within 20 %
        { 12m, 5, 20m, 30, 20m, false },         // exactly the limit is not a breach
        { 12.1m, 5, 20m, 30, 21m, true },        // just over
        { 7m, 5, 20m, 30, 30m, true },           // a fall counts like a rise
        { 20m, 31, 20m, 30, null, false },       // the previous value is older than the window: ignored
        { null, 5, 20m, 30, null, false },       // a non-numeric value is not delta-checked
    };

    [Theory, MemberData(nameof(DeltaCases))]
    public void The_delta_check_compares_with_the_previous_value_inside_the_window(decimal? value, int? daysAgo, decimal? limit, int window, decimal? change, bool breached)
    {
        var previous = daysAgo is { } d ? new PreviousResult(10m, Now.AddDays(-d)) : null;
        var outcome = DeltaCheck.Evaluate(value, Now, previous, limit, window);
        Assert.Equal(change, outcome.ChangePercent);
        Assert.Equal(breached, outcome.Breached);
        Assert.Equal(daysAgo is not null && daysAgo <= window && value is not null, outcome.Previous is not null);
    }

    [Fact]
    public void A_change_from_zero_is_unbounded_and_breaches_any_limit()
    {
        Assert.Null(DeltaCheck.ChangePercent(0, 1));
        Assert.Equal(0, DeltaCheck.ChangePercent(0, 0));
        Assert.True(DeltaCheck.Evaluate(1, Now, new PreviousResult(0, Now.AddDays(-1)), 50, 30).Breached);
    }

    private static readonly AutoVerificationInput Clean = new(true, LabResultType.Numeric, 5.6m, "3.9 - 6.4", ResultFlag.None, null, false, "mmol/L", "mmol/L");

    public static TheoryData<string, AutoVerificationInput, AutoVerificationBlock?> AutoCases => new()
    {
        { "every check holds", Clean, null },
        { "analyser sends N for normal", Clean with { AnalyserFlags = "N" }, null },
        { "units differ only in case and spaces", Clean with { Unit = "mmol / l" }, null },
        { "rule off", Clean with { RuleOn = false }, AutoVerificationBlock.RuleOff },
        { "text result", Clean with { ResultType = LabResultType.Text, NumericValue = null }, AutoVerificationBlock.NotNumeric },
        { "value not a number", Clean with { NumericValue = null }, AutoVerificationBlock.NotNumeric },
        { "no range", Clean with { ReferenceRange = null }, AutoVerificationBlock.NoReferenceRange },
        { "high", Clean with { Flag = ResultFlag.High }, AutoVerificationBlock.OutOfRange },
        { "low", Clean with { Flag = ResultFlag.Low }, AutoVerificationBlock.OutOfRange },
        { "critical", Clean with { Flag = ResultFlag.CriticalHigh }, AutoVerificationBlock.Critical },
        { "analyser flag", Clean with { AnalyserFlags = "H" }, AutoVerificationBlock.AnalyserFlagged },
        { "delta breach", Clean with { DeltaBreached = true }, AutoVerificationBlock.DeltaBreached },
        { "other unit", Clean with { Unit = "mg/dL" }, AutoVerificationBlock.UnitMismatch },
        { "no unit sent", Clean with { Unit = null }, AutoVerificationBlock.UnitMismatch },
        { "replaces a released value", Clean with { ReplacesReleased = true }, AutoVerificationBlock.ReplacesReleased },
    };

    [Theory, MemberData(nameof(AutoCases))]
    public void Auto_verification_passes_only_when_every_check_holds(string why, AutoVerificationInput input, AutoVerificationBlock? block)
    {
        var blocks = AutoVerification.Blocks(input);
        Assert.True(block is null ? blocks.Count == 0 : blocks.SequenceEqual([block.Value]), $"{why}: {string.Join(", ", blocks)}");
        Assert.Equal(block is null, AutoVerification.Passes(input));
    }

    private static readonly LabTest Glucose = new() { Name = "Glucose", ResultType = LabResultType.Numeric, Unit = "mmol/L" };
    private static readonly LabTest Hbsag = new() { Name = "HBsAg", ResultType = LabResultType.Coded, CodedValues = "Âm tính;Dương tính" };
    private static readonly LabTest Note = new() { Name = "Soi tươi", ResultType = LabResultType.Text };

    public static TheoryData<int, string?, string?, string?> TypedCases => new()
    {
        // test (0 glucose, 1 HBsAg, 2 text), typed, stored value, error (part)
        { 0, "5,6", "5,6", null },
        { 0, " 7.2 ", "7.2", null },
        { 0, "<0.1", "<0.1", null },
        { 0, "năm", null, "phải là số" },
        { 0, "5,6,7", null, "phải là số" },
        { 0, "", null, "Chưa nhập kết quả" },
        { 1, "dương tính", "Dương tính", null },
        { 1, "Nghi ngờ", null, "phải là một trong: Âm tính, Dương tính" },
        { 2, "Không thấy ký sinh trùng", "Không thấy ký sinh trùng", null },
        { 2, new string('x', 201), null, "dài quá 200" },
    };

    [Theory, MemberData(nameof(TypedCases))]
    public void Typed_values_must_fit_the_test(int test, string? typed, string? value, string? error)
    {
        var (read, message) = ManualResultValue.Read(new[] { Glucose, Hbsag, Note }[test], typed);
        Assert.Equal(value, read);
        if (error is null) Assert.Null(message);
        else Assert.Contains(error, message);
    }

    public static TheoryData<string?, string?, string?, decimal?, int?, string?> RuleInputCases => new()
    {
        // autoVerify, delta limit, window, stored limit, stored window, field in error
        { "on", "25", "30", 25m, 30, null },
        { null, "", "7", null, 7, null },
        { "on", "12,5", "3650", 12.5m, 3650, null },
        { "on", "0", "30", null, null, "deltaLimit" },
        { "on", "1001", "30", null, null, "deltaLimit" },
        { "on", "nhiều", "30", null, null, "deltaLimit" },
        { "on", "20", "", null, null, "windowDays" },
        { "on", "20", "3651", null, null, "windowDays" },
        { "on", "20", "1.5", null, null, "windowDays" },
    };

    [Theory, MemberData(nameof(RuleInputCases))]
    public void The_admins_rule_form_is_read_or_refused_by_field(string? on, string? limit, string? window, decimal? storedLimit, int? storedWindow, string? error)
    {
        var (values, errors) = Hospital.Web.Features.LabValidation.LabRuleInput.Read(on, limit, window);
        if (error is not null)
        {
            Assert.Null(values);
            Assert.Equal([error], errors.Keys);
            return;
        }
        Assert.Empty(errors);
        Assert.Equal((on == "on", storedLimit, storedWindow!.Value), (values!.AutoVerify, values.DeltaLimitPercent, values.DeltaWindowDays));
    }
}
