using Hospital.Domain.Billing;

namespace Hospital.Tests.Billing.Cashier;

/// <summary>"Số tiền bằng chữ" on receipts: the readings an accountant checks.</summary>
public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(5, "Năm đồng")]
    [InlineData(10, "Mười đồng")]
    [InlineData(15, "Mười lăm đồng")]                              // "lăm" after mười
    [InlineData(21, "Hai mươi mốt đồng")]                          // "mốt" after mươi
    [InlineData(25, "Hai mươi lăm đồng")]
    [InlineData(105, "Một trăm linh năm đồng")]                    // empty tens → "linh"
    [InlineData(110, "Một trăm mười đồng")]
    [InlineData(38_700, "Ba mươi tám nghìn bảy trăm đồng")]
    [InlineData(180_000, "Một trăm tám mươi nghìn đồng")]
    [InlineData(1_050_000, "Một triệu không trăm năm mươi nghìn đồng")]   // inner group read in full
    [InlineData(1_000_005, "Một triệu không trăm linh năm đồng")]         // empty thousands skipped
    [InlineData(2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng")]
    [InlineData(1_000_000_000, "Một tỷ đồng")]
    [InlineData(12_345_678_901, "Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một đồng")]
    public void Reads_whole_dong(long amount, string expected) => Assert.Equal(expected, AmountInWords.Dong(amount));
}
