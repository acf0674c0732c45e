using Hospital.Domain.Billing;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>The dynamic VietQR of a bill (NAPAS IBFT to account, EMVCo MPM TLV), checked against values computed outside .NET.</summary>
public sealed class VietQrPayloadTests
{
    private static readonly VietQrAccount Account = new("970436", "0011001234567", "BENH VIEN DEMO");

    [Fact]
    public void Crc_is_ccitt_false_check_value()
    {
        // The catalogue check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no xor-out).
        Assert.Equal(0x29B1, VietQrPayload.Crc16CcittFalse("123456789"));
    }

    [Fact]
    public void Payload_matches_an_independently_computed_string()
    {
        // Built and CRC'd by a separate Python script (tlv(id, v) = id + "%02d" % len(v) + v; CRC over the body incl. "6304").
        const string expected = "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA530370454061800005802VN62210817VP42 26112200000163045EC7";
        Assert.Equal(expected, VietQrPayload.Build(Account, 180_000m, "VP42 261122000001"));
    }

    [Fact]
    public void Fields_carry_the_bill()
    {
        var payload = VietQrPayload.Build(Account, 38_700m, "VP7 261122000123");
        var fields = VietQrPayload.Parse(payload).ToDictionary(f => f.Id, f => f.Value);
        Assert.Equal("01", fields["00"]);
        Assert.Equal("12", fields["01"]);                       // dynamic: one bill
        Assert.Equal("704", fields["53"]);
        Assert.Equal("38700", fields["54"]);                    // whole đồng, no decimals
        Assert.Equal("VN", fields["58"]);
        var merchant = VietQrPayload.Parse(fields["38"]).ToDictionary(f => f.Id, f => f.Value);
        Assert.Equal("A000000727", merchant["00"]);
        Assert.Equal("QRIBFTTA", merchant["02"]);
        var beneficiary = VietQrPayload.Parse(merchant["01"]).ToDictionary(f => f.Id, f => f.Value);
        Assert.Equal("970436", beneficiary["00"]);
        Assert.Equal("0011001234567", beneficiary["01"]);
        Assert.Equal("VP7 261122000123", VietQrPayload.Parse(fields["62"]).Single(f => f.Id == "08").Value);
        // The CRC is the last field and covers everything before it, "6304" included.
        Assert.Equal("63", VietQrPayload.Parse(payload)[^1].Id);
        Assert.Equal(VietQrPayload.Crc16CcittFalse(payload[..^4]).ToString("X4"), payload[^4..]);
    }

    public static TheoryData<string, string, string, decimal, string, string> Problems => new()
    {
        { "BIN of 5 digits", "97043", "0011001234567", 100m, "VP1", "BIN" },
        { "BIN with a letter", "97043A", "0011001234567", 100m, "VP1", "BIN" },
        { "account too long", "970436", "12345678901234567890", 100m, "VP1", "tài khoản" },
        { "account with a space", "970436", "0011 0012", 100m, "VP1", "tài khoản" },
        { "amount with a fraction", "970436", "0011001234567", 100.5m, "VP1", "đồng nguyên" },
        { "zero amount", "970436", "0011001234567", 0m, "VP1", "đồng nguyên" },
        { "reference with diacritics", "970436", "0011001234567", 100m, "Viện phí", "không dấu" },
        { "reference of 26 characters", "970436", "0011001234567", 100m, new string('A', 26), "không dấu" },
        { "empty reference", "970436", "0011001234567", 100m, "", "không dấu" },
    };

    [Theory, MemberData(nameof(Problems))]
    public void Bad_inputs_are_refused_with_a_reason(string _, string bin, string account, decimal amount, string reference, string says)
    {
        var a = new VietQrAccount(bin, account, "X");
        Assert.Contains(says, VietQrPayload.Problem(a, amount, reference));
        Assert.Throws<ArgumentException>(() => VietQrPayload.Build(a, amount, reference));
    }

    [Theory]
    [InlineData(42L, "261122000001", "VP42 261122000001")]
    [InlineData(7L, "26-11/22 x", "VP7 261122X")]
    // A long configured visit code is cut; the payment id comes first, so references stay unique.
    [InlineData(123456789L, "HOSPITAL37001-2611220000001", "VP123456789 HOSPITAL37001")]
    public void Reference_is_short_ascii_and_starts_with_the_payment(long id, string visitCode, string expected)
    {
        var reference = VietQrPayload.Reference(id, visitCode);
        Assert.Equal(expected, reference);
        Assert.True(reference.Length <= VietQrPayload.MaxReferenceLength);
        Assert.Null(VietQrPayload.Problem(Account, 1m, reference));
    }
}
