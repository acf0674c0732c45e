using Hospital.Web.Platform.Printing;

namespace Hospital.Tests.Queues;

/// <summary>The Code 128 encoder against hand-checked encodings (ISO/IEC 15417).</summary>
public sealed class Code128Tests
{
    [Theory]
    // "Wikipedia" in subset B: the worked example of the Code 128 article, check symbol 88.
    [InlineData("Wikipedia", new[] { 104, 55, 73, 75, 73, 80, 69, 68, 73, 65, 88, 106 })]
    // All digits, even: subset C from the start. (105 + 12·1 + 34·2) mod 103 = 82.
    [InlineData("1234", new[] { 105, 12, 34, 82, 106 })]
    // Odd digit run at the start: pairs in C, the last digit in B. (105 + 12 + 68 + 300 + 84) mod 103 = 54.
    [InlineData("12345", new[] { 105, 12, 34, 100, 21, 54, 106 })]
    // Three digits are cheaper in B. (104 + 17 + 18·2 + 19·3) mod 103 = 214 mod 103 = 8.
    [InlineData("123", new[] { 104, 17, 18, 19, 8, 106 })]
    // A visit code: letters in B, then the 9-digit tail: one digit in B, then four pairs in C.
    // (104 + 43·1 + 34·2 + 18·3 + 99·4 + 60·5 + 12·6 + 34·7 + 56·8) mod 103 = 1723 mod 103 = 75.
    [InlineData("KB260123456", new[] { 104, 43, 34, 18, 99, 60, 12, 34, 56, 75, 106 })]
    // A short digit run in the middle stays in B. (104 + 33 + 34·2 + 17·3 + 18·4 + 13·5 + 34·6) mod 103 = 597 mod 103 = 82.
    [InlineData("AB12-B", new[] { 104, 33, 34, 17, 18, 13, 34, 82, 106 })]
    public void Encodes_known_strings(string text, int[] expected) => Assert.Equal(expected, Code128.Encode(text));

    [Fact]
    public void Every_symbol_is_eleven_modules_starting_with_a_bar_and_the_stop_thirteen()
    {
        Assert.Equal(107, Code128.Patterns.Count);
        Assert.Equal(107, Code128.Patterns.Distinct().Count());
        for (var v = 0; v < 106; v++)
            Assert.Equal(11, Code128.Patterns[v].Sum(c => c - '0'));
        Assert.Equal(13, Code128.Patterns[Code128.Stop].Sum(c => c - '0'));
        // Bars of a symbol cover an even number of modules, spaces an odd one (the parity check readers use).
        for (var v = 0; v < 106; v++)
            Assert.Equal(0, (Code128.Patterns[v][0] - '0' + Code128.Patterns[v][2] - '0' + Code128.Patterns[v][4] - '0') % 2);
    }

    [Fact]
    public void Widths_of_a_known_string()
    {
        // "1234": start C 211232, 12 → 112232, 34 → 131123, check 82 → 121241, stop 2331112.
        Assert.Equal("2112321122321311231212412331112", string.Concat(Code128.Widths("1234")));
        // 11 modules per symbol + 13 for the stop.
        Assert.Equal(4 * 11 + 13, Code128.Widths("1234").Sum());
    }

    [Fact]
    public void Svg_has_one_rect_per_bar_and_quiet_zones()
    {
        var svg = Code128Svg.Render("1234");
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Matches(svg, "<rect").Count); // 3 bars × 4 symbols + 4 in the stop
        Assert.Contains("viewBox=\"0 0 77 40\"", svg); // 57 modules + 2 × 10 quiet zone
        Assert.StartsWith("<svg", svg);
        Assert.Contains("<rect x=\"10\"", svg);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Nguyễn")]
    public void Refuses_what_subsets_B_and_C_cannot_carry(string text) =>
        Assert.Throws<ArgumentException>(() => Code128.Encode(text));
}
