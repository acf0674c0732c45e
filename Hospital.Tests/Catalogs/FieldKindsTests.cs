using Hospital.Domain.Catalog;
using Hospital.Web.Features.Catalogs;

namespace Hospital.Tests.Catalogs;

public class FieldKindsTests
{
    private static readonly CatalogLookups Lookups = new(
        [new DepartmentRef(7, "K01", "Khoa Khám bệnh", true)],
        new Dictionary<string, string> { ["01"] = "Thành phố Hà Nội" });

    [Theory]
    [InlineData("150000", "150000", null)]
    [InlineData("34500.5", "34500.5", null)]
    [InlineData("34500,5", "34500.5", null)]
    [InlineData("0.125", "0.125", null)]
    [InlineData("150.000", null, "dễ nhầm")]
    [InlineData("1.500.000", null, "không phải số tiền")]
    [InlineData("12a", null, "không phải số tiền")]
    [InlineData("-5", null, "không phải số tiền")]
    public void Money(string text, string? expected, string? error)
    {
        var parsed = FieldKinds.Money().Parse(text, Lookups);
        Assert.Equal(error is null, parsed.Ok);
        if (expected is not null) Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
        if (error is not null) Assert.Contains(error, parsed.Error);
    }

    [Theory]
    [InlineData("2025-07-01", "2025-07-01")]
    [InlineData("01/07/2025", "2025-07-01")]
    [InlineData("1/7/2025", "2025-07-01")]
    [InlineData("20250701", "2025-07-01")]
    [InlineData("31/02/2025", null)]
    [InlineData("07/01/2025 08:00", null)]
    public void Dates(string text, string? expected)
    {
        var parsed = FieldKinds.Date().Parse(text, Lookups);
        Assert.Equal(expected, parsed.Ok ? parsed.Value?.ToString("yyyy-MM-dd") : null);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("Có", true)]
    [InlineData("x", true)]
    [InlineData("KHÔNG", false)]
    [InlineData("0", false)]
    public void Flags(string text, bool expected) => Assert.Equal(expected, FieldKinds.Flag(true).Parse(text, Lookups).Value);

    [Theory]
    [InlineData("Lâm sàng", DepartmentKind.Clinical)]
    [InlineData("can lam sang", DepartmentKind.Paraclinical)]
    [InlineData("2", DepartmentKind.Paraclinical)]
    [InlineData("Pharmacy", DepartmentKind.Pharmacy)]
    public void Enum_by_label_number_or_name(string text, DepartmentKind expected)
    {
        var kind = FieldKinds.Choice(new Dictionary<DepartmentKind, string>
        {
            [DepartmentKind.Clinical] = "Lâm sàng", [DepartmentKind.Paraclinical] = "Cận lâm sàng", [DepartmentKind.Pharmacy] = "Dược",
        });
        Assert.Equal(expected, kind.Parse(text, Lookups).Value);
        Assert.False(kind.Parse("9", Lookups).Ok);
    }

    [Fact]
    public void References_by_code()
    {
        Assert.Equal(7, FieldKinds.Department().Parse("K01", Lookups).Value);
        Assert.Contains("không có khoa mã 'K99'", FieldKinds.Department().Parse("K99", Lookups).Error);
        Assert.True(FieldKinds.Province().Parse("01", Lookups).Ok);
        Assert.Contains("'1'", FieldKinds.Province().Parse("1", Lookups).Error);
    }

    [Fact]
    public void Required_blank_and_too_long_text_are_explained()
    {
        Assert.Equal("Thiếu mã.", FieldKinds.Text(5).Read(" ", required: true, "Mã", Lookups).Error);
        Assert.Equal("Số CCCD: phải gồm đúng 12 chữ số.", FieldKinds.Digits(12).Read("0123", false, "Số CCCD", Lookups).Error);
        Assert.Equal("Mã: dài 6 ký tự, tối đa 5.", FieldKinds.Text(5).Read("000041", true, "Mã", Lookups).Error);
        Assert.Null(FieldKinds.OptionalText(5).Read("", false, "Ghi chú", Lookups).Value);
    }
}
