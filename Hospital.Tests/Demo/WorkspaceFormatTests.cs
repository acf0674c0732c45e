using Hospital.Web.Features.Workspaces;

namespace Hospital.Tests.Demo;

public sealed class WorkspaceFormatTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Money_is_whole_dong_with_dot_thousands() =>
        Assert.Equal("1.234.500", WorkspaceFormat.Money(1_234_500.000m));

    [Theory]
    [InlineData("1961-11-05", 1961, "65 tuổi")]
    [InlineData("1961-11-23", 1961, "64 tuổi")]
    [InlineData("2026-03-30", 2026, "7 tháng")]
    [InlineData(null, 1950, "76 tuổi")]
    public void Age_is_in_years_or_in_months_for_babies(string? born, int year, string expected) =>
        Assert.Equal(expected, WorkspaceFormat.AgeText(born is null ? null : DateOnly.Parse(born), year, Today));

    [Fact]
    public void Birth_shows_the_date_or_only_the_year()
    {
        Assert.Equal("05/11/1961", WorkspaceFormat.Born(new DateOnly(1961, 11, 5), 1961));
        Assert.Equal("1950", WorkspaceFormat.Born(null, 1950));
    }
}
