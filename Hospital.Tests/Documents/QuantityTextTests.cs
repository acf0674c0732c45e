using Hospital.Emr.Documents;
using Hospital.Emr.Documents.Rendering;

namespace Hospital.Tests.Documents;

/// <summary>TT 26/2025: quantities below 10 get a leading zero; N and H prescriptions spell them out.</summary>
public sealed class QuantityTextTests
{
    [Theory]
    [InlineData(5, "05")]
    [InlineData(0, "00")]
    [InlineData(9, "09")]
    [InlineData(10, "10")]
    [InlineData(28, "28")]
    [InlineData(2.5, "2,5")]
    public void Number(double quantity, string expected) => Assert.Equal(expected, QuantityText.Number((decimal)quantity));

    [Theory]
    [InlineData(1, "Một")]
    [InlineData(5, "Năm")]
    [InlineData(10, "Mười")]
    [InlineData(14, "Mười bốn")]
    [InlineData(15, "Mười lăm")]
    [InlineData(21, "Hai mươi mốt")]
    [InlineData(24, "Hai mươi tư")]
    [InlineData(25, "Hai mươi lăm")]
    [InlineData(30, "Ba mươi")]
    [InlineData(105, "Một trăm linh năm")]
    [InlineData(120, "Một trăm hai mươi")]
    [InlineData(1005, "Một nghìn không trăm linh năm")]
    public void Words(long n, string expected) => Assert.Equal(expected, QuantityText.Words(n));

    [Fact]
    public async Task Bench_hook_renders_and_signs()
    {
        var result = await ExamRecordBench.RenderAndSignAsync(2);
        Assert.Equal(2, result.Documents);
        Assert.True(result.TotalBytes > 0);
    }
}
