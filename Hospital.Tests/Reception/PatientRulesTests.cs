using Hospital.Domain.Insurance;
using Hospital.Domain.Patients;

namespace Hospital.Tests.Reception;

/// <summary>Table tests of the pure patient rules: CCCD digits, CCCD QR text, name keys, card codes, phone numbers.</summary>
public sealed class PatientRulesTests
{
    [Theory]
    // 037 Ninh Bình, 0 = male 1900s, 56 = 1956
    [InlineData("037056001234", Sex.Male, 1956, null)]
    [InlineData("037156001234", Sex.Female, 1956, null)]
    [InlineData("001303001234", Sex.Female, 2003, null)]
    [InlineData("079202001234", Sex.Male, 2002, null)]
    [InlineData("037 056 001 234", Sex.Male, 1956, null)]
    [InlineData("037056001234", Sex.Unknown, 1956, null)]
    [InlineData("03705600123", Sex.Male, 1956, "12 chữ số")]
    [InlineData("03705600123A", Sex.Male, 1956, "12 chữ số")]
    [InlineData("003056001234", Sex.Male, 1956, "mã tỉnh")] // 003 is not a province code
    [InlineData("097056001234", Sex.Male, 1956, "mã tỉnh")]
    [InlineData("037156001234", Sex.Male, 1956, "trái với giới tính Nam")]
    [InlineData("037056001234", Sex.Female, 1956, "trái với giới tính Nữ")]
    [InlineData("037056001234", Sex.Male, 1957, "năm sinh 1956")]
    [InlineData("037256001234", Sex.Male, 1956, "năm sinh 2056")] // century digit 2 = 2000s
    public void Cccd_digits_must_agree_with_sex_and_birth_year(string cccd, Sex sex, int year, string? error)
    {
        var message = CccdNumber.Check(CccdNumber.Normalize(cccd), sex, year);
        if (error is null) Assert.Null(message);
        else Assert.Contains(error, message);
    }

    [Fact]
    public void Qr_of_a_chip_card_is_read_and_the_capitalised_name_title_cased()
    {
        var qr = CccdQrCode.TryParse("037090123456|162345678|NGUYỄN VĂN AN|01021990|Nam|Thôn Đông, Xã Gia Hưng, Huyện Gia Viễn, Ninh Bình|15042021", out var error);
        Assert.Null(error);
        Assert.NotNull(qr);
        Assert.Equal("037090123456", qr.Cccd);
        Assert.Equal("162345678", qr.OldIdNumber);
        Assert.Equal("Nguyễn Văn An", qr.FullName);
        Assert.Equal(new DateOnly(1990, 2, 1), qr.DateOfBirth);
        Assert.Equal(Sex.Male, qr.Sex);
        Assert.Equal(new DateOnly(2021, 4, 15), qr.IssuedOn);
        Assert.StartsWith("Thôn Đông", qr.Address);
    }

    [Theory]
    [InlineData("037190123456||Trần Thị Bình|05061990|Nữ|Phố Lê Lợi", "Trần Thị Bình", Sex.Female)] // no old CMND, 6 fields
    [InlineData("037190123456||lê thị hoa|05061990|Nu|x|01012022", "Lê Thị Hoa", Sex.Female)]
    [InlineData("037090123456||Đỗ VĂN Đạt|05061990|NAM|x|01012022", "Đỗ VĂN Đạt", Sex.Male)] // mixed case kept as typed
    public void Qr_is_read_defensively(string text, string name, Sex sex)
    {
        var qr = CccdQrCode.TryParse(text, out var error);
        Assert.Null(error);
        Assert.Equal(name, qr!.FullName);
        Assert.Equal(sex, qr.Sex);
        Assert.Null(qr.OldIdNumber);
    }

    [Theory]
    [InlineData("037090123456|162345678|NGUYEN VAN AN|01021990", "ít nhất 6 trường")]
    [InlineData("03709012345|162345678|NGUYEN VAN AN|01021990|Nam|x|1", "12 chữ số")]
    [InlineData("037090123456|162345678|NGUYEN VAN AN|31021990|Nam|x|1", "ddMMyyyy")]
    [InlineData("037090123456|162345678|NGUYEN VAN AN|01021990|Khác|x|1", "Nam hoặc Nữ")]
    [InlineData("037090123456|1623|NGUYEN VAN AN|01021990|Nam|x|1", "CMND")]
    [InlineData("037090123456|162345678||01021990|Nam|x|1", "họ tên")]
    public void Malformed_qr_gets_a_clear_message(string text, string expected)
    {
        Assert.Null(CccdQrCode.TryParse(text, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("037090123456|162345678|NGUYEN VAN AN|01021990|Nam|x|1", true)]
    [InlineData(" 037090123456 | x", true)]
    [InlineData("nguyen van an", false)]
    [InlineData("037090123456", false)]
    [InlineData("12|34", false)]
    public void Qr_text_is_told_from_a_search(string text, bool qr) => Assert.Equal(qr, CccdQrCode.LooksLikeQr(text));

    [Fact]
    public void Name_keys_are_the_word_suffixes_with_their_position()
    {
        Assert.Equal([("nguyen van an", 0), ("van an", 1), ("an", 2)], PatientNameKeys.For("nguyen van an"));
        // A repeated suffix is one row (the table's key is key + patient).
        Assert.Equal([("an van an", 0), ("van an", 1), ("an", 2)], PatientNameKeys.For("an van an"));
        Assert.Equal([("an an", 0), ("an", 1)], PatientNameKeys.For("an an"));
        Assert.Empty(PatientNameKeys.For(""));
    }

    [Fact]
    public void Search_splits_names_from_identifiers()
    {
        var terms = PatientSearch.Parse("Nguyễn Văn Hùng 1961 GD4373712345678");
        Assert.Equal(["nguyen", "van", "hung"], terms.Words);
        Assert.Equal("nguyen van hung", terms.Phrase);
        Assert.Equal(1961, terms.BirthYear);
        Assert.Equal(["GD4373712345678"], terms.Identifiers);
        // A phone number typed in groups is one identifier.
        Assert.Equal(["0912345678"], PatientSearch.Parse("0912 345 678").Identifiers);
    }

    [Theory]
    [InlineData("nguyen van an", "nguyen van ao")]
    [InlineData("ab9", "ac")]
    [InlineData("az", "b")]
    [InlineData("GD4370", "GD4371")]
    [InlineData("0999", "1")]
    [InlineData("zz9", null)]
    public void Prefix_upper_bound_carries_past_the_last_letter_and_digit(string prefix, string? bound) =>
        Assert.Equal(bound, PatientSearch.UpperBound(prefix));

    [Theory]
    [InlineData("GD4373712345678", null)]
    [InlineData("gd4 37 3712345678", null)]
    [InlineData("GD437371234567", "đúng 15 ký tự")]
    [InlineData("G14373712345678", "chữ cái")]
    [InlineData("GD6373712345678", "mức hưởng")]
    [InlineData("GD43A3712345678", "mã tỉnh")]
    [InlineData("GD43737123456X8", "mã số BHXH")]
    public void Card_code_shape(string code, string? error)
    {
        var card = BhytCardCode.TryParse(code, out var message);
        if (error is null)
        {
            Assert.Null(message);
            Assert.Equal("GD", card!.GroupCode);
            Assert.Equal(4, card.BenefitLevel);
            Assert.Equal("37", card.ProvinceCode);
            Assert.Equal("3712345678", card.SocialInsuranceNumber);
        }
        else Assert.Contains(error, message);
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678", true)]
    [InlineData("+84 912.345.678", "0912345678", true)]
    [InlineData("02293871234", "02293871234", true)]
    [InlineData("091234567", "091234567", false)]
    [InlineData("0012345678", "0012345678", false)]
    [InlineData("09123abc78", "09123abc78", false)]
    public void Phone_numbers(string typed, string normalized, bool valid)
    {
        Assert.Equal(normalized, PhoneNumber.Normalize(typed));
        Assert.Equal(valid, PhoneNumber.Error(normalized) is null);
    }

    [Theory]
    [InlineData("2021-11-23", 2021, "2026-11-22", true)]
    [InlineData("2020-11-22", 2020, "2026-11-22", false)] // 6th birthday today
    [InlineData(null, 2020, "2026-11-22", true)] // year only: may still be 5
    [InlineData(null, 2019, "2026-11-22", false)]
    public void Children_under_six(string? dob, int year, string today, bool under) =>
        Assert.Equal(under, PatientValidation.MayBeUnder(dob is null ? null : DateOnly.Parse(dob), year, DateOnly.Parse(today), 6));
}
