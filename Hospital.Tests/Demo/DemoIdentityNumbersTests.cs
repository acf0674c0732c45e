using Bogus;
using Hospital.Domain.Patients;
using Hospital.Web.Demo;

namespace Hospital.Tests.Demo;

public sealed class DemoIdentityNumbersTests
{
    [Theory]
    [InlineData(Sex.Male, 1961, "037061")]
    [InlineData(Sex.Female, 1948, "037148")]
    [InlineData(Sex.Male, 2003, "037203")]
    [InlineData(Sex.Female, 2010, "037310")]
    public void Cccd_prefix_is_province_then_century_sex_digit_then_birth_year(Sex sex, int year, string prefix)
    {
        var cccd = DemoIdentityNumbers.Cccd(new Randomizer(1), "037", sex, year);
        Assert.Equal(12, cccd.Length);
        Assert.StartsWith(prefix, cccd);
        Assert.True(cccd.All(char.IsAsciiDigit));
    }

    [Fact]
    public void Bhyt_card_number_is_group_level_province_and_social_insurance_number()
    {
        var number = DemoIdentityNumbers.BhytCardNumber("GD", 4, "37", "3712345678");
        Assert.Equal("GD4373712345678", number);
        var card = new BhytCard { Number = number };
        Assert.Equal("GD", card.GroupCode);
        Assert.Equal(4, card.BenefitLevel);
        Assert.Throws<ArgumentException>(() => DemoIdentityNumbers.BhytCardNumber("GD", 6, "37", "3712345678"));
        Assert.Throws<ArgumentException>(() => DemoIdentityNumbers.BhytCardNumber("GD", 4, "037", "3712345678"));
    }

    [Fact]
    public void Weighted_choice_follows_relative_weights()
    {
        var random = new Randomizer(3);
        var picks = Enumerable.Range(0, 10_000).Select(_ => random.Weighted(["a", "b", "c"], [70f, 20, 10])).ToList();
        Assert.InRange(picks.Count(p => p == "a"), 6700, 7300);
        Assert.InRange(picks.Count(p => p == "c"), 800, 1200);
    }
}
