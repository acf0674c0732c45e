using Hospital.Domain.Identity;
using Hospital.Web.Features.Admin.Facility;
using Hospital.Web.Platform;

namespace Hospital.Tests.Admin;

/// <summary>Rules of the administration screens that need no database.</summary>
public sealed class AdminRulesTests
{
    [Theory]
    [InlineData("37001", null)]
    [InlineData(" 01234 ", null)]
    [InlineData("3700", "Mã CSKCB gồm đúng 5 chữ số.")]
    [InlineData("37A01", "Mã CSKCB gồm đúng 5 chữ số.")]
    [InlineData("３７００１", "Mã CSKCB gồm đúng 5 chữ số.")]
    [InlineData("98001", "Hai chữ số đầu của mã CSKCB (98) không phải mã tỉnh trong danh mục tỉnh/thành phố.")]
    public void Facility_code_is_five_digits_starting_with_a_catalog_province(string code, string? error) =>
        Assert.Equal(error, FacilityRules.CheckFacilityCode(code, ["01", "37"]));

    [Fact]
    public void Without_a_provinces_catalog_any_five_digits_pass() =>
        Assert.Null(FacilityRules.CheckFacilityCode("98001", []));

    [Fact]
    public void A_user_search_key_follows_the_full_name()
    {
        var user = new AppUser { UserName = "bs.hoa", FullName = "Đặng Thị  Hoà" };
        Assert.Equal("dang thi hoa", user.SearchKey);
        user.FullName = "Nguyễn Văn Hưng";
        Assert.Equal("nguyen van hung", user.SearchKey);
    }

    [Fact]
    public void Vietnamese_time_is_utc_plus_seven_and_days_end_at_local_midnight()
    {
        var utc = new DateTime(2026, 11, 22, 17, 30, 0, DateTimeKind.Utc);
        Assert.Equal("23/11/2026 00:30", VietnamTime.Format(utc));
        Assert.Equal(new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc), VietnamTime.StartOfDayUtc(new DateOnly(2026, 11, 23)));
    }
}
