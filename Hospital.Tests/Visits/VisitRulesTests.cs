using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;

namespace Hospital.Tests.Visits;

/// <summary>Rules without a database: the priority suggestion, the code formats and the card choice.</summary>
public sealed class VisitRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    [Theory]
    // date of birth, birth year, emergency → suggested group
    [InlineData("2020-11-23", 2020, false, PriorityGroup.ChildUnder6)] // 5 years old, 6 tomorrow
    [InlineData("2020-11-22", 2020, false, PriorityGroup.None)]        // 6 today
    [InlineData(null, 2021, false, PriorityGroup.ChildUnder6)]         // birth year only: 5
    [InlineData("1990-05-01", 1990, false, PriorityGroup.None)]
    [InlineData("1951-11-23", 1951, false, PriorityGroup.None)]        // 74, 75 tomorrow
    [InlineData("1951-11-22", 1951, false, PriorityGroup.Aged75)]      // 75 today
    [InlineData(null, 1940, false, PriorityGroup.Aged75)]
    [InlineData("1990-05-01", 1990, true, PriorityGroup.Emergency)]
    [InlineData("2024-01-01", 2024, true, PriorityGroup.Emergency)]    // emergency before age
    public void Priority_is_suggested_from_age_and_emergency(string? born, int year, bool emergency, PriorityGroup expected) =>
        Assert.Equal(expected, PrioritySuggestion.Suggest(born is null ? null : DateOnly.Parse(born), year, Day, emergency));

    [Theory]
    // clerk's choice, suggestion, emergency → stored group
    [InlineData(null, PriorityGroup.Aged75, false, PriorityGroup.Aged75)]
    [InlineData(PriorityGroup.Pregnant, PriorityGroup.None, false, PriorityGroup.Pregnant)]
    [InlineData(PriorityGroup.None, PriorityGroup.Aged75, false, PriorityGroup.None)]               // the clerk removed it
    [InlineData(PriorityGroup.MeritoriousPerson, PriorityGroup.None, true, PriorityGroup.Emergency)] // emergency wins
    [InlineData(PriorityGroup.Emergency, PriorityGroup.None, false, PriorityGroup.None)]             // only the flag makes an emergency
    [InlineData(null, PriorityGroup.Emergency, false, PriorityGroup.None)]
    public void The_stored_group_is_emergency_or_the_clerks_choice_or_the_suggestion(PriorityGroup? chosen, PriorityGroup suggested, bool emergency, PriorityGroup expected) =>
        Assert.Equal(expected, PrioritySuggestion.Decide(chosen, suggested, emergency));

    [Theory]
    [InlineData("{yy}{MM}{dd}{seq:6}", 42, "", "261122000042")]
    [InlineData("{yy}{MM}{dd}{seq:6}", 1234567, "", "2611221234567")] // never truncated
    [InlineData("{facility}{yy}{seq:8}", 7, "37001", "370012600000007")]
    [InlineData("BN{yyyy}-{seq:5}", 12, "", "BN2026-00012")]
    [InlineData("{seq}", 9, "", "9")]
    public void Sequence_formats(string pattern, long value, string facility, string expected) =>
        Assert.Equal(expected, IdentifierSequences.Format(pattern, value, Day, facility));

    [Fact]
    public void Default_formats_are_the_documented_ones()
    {
        var o = new VisitNumberingOptions();
        Assert.Equal("261122000001", IdentifierSequences.Format(o.VisitCodeFormat, 1, Day, "37001"));
        Assert.Equal("370012600000001", IdentifierSequences.Format(o.MaLkFormat, 1, Day, "37001"));
    }

    [Fact]
    public void Bhyt_card_choice_and_refusal_messages()
    {
        BhytCard Card(string number, string from, string to) =>
            new() { Number = number, ValidFrom = DateOnly.Parse(from), ValidTo = DateOnly.Parse(to) };
        var old = Card("DN4370000000001", "2025-01-01", "2025-12-31");
        var current = Card("DN4370000000002", "2026-01-01", "2026-12-31");
        var next = Card("DN4370000000003", "2027-01-01", "2027-12-31");

        Assert.Same(current, VisitRegistration.CardFor([old, current, next], Day));
        Assert.Null(VisitRegistration.WhyNoBhyt([old, current], Day));
        Assert.Contains("chưa có thẻ BHYT", VisitRegistration.WhyNoBhyt([], Day));
        Assert.Equal("Thẻ BHYT DN4370000000001 đã hết hạn ngày 31/12/2025: cập nhật thẻ mới hoặc đăng ký khám dịch vụ.",
            VisitRegistration.WhyNoBhyt([old], Day));
        Assert.Contains("có giá trị từ ngày 01/01/2027", VisitRegistration.WhyNoBhyt([old, next], Day));
        current.VoidedAt = DateTime.UtcNow;
        Assert.Null(VisitRegistration.CardFor([current], Day));
    }
}
