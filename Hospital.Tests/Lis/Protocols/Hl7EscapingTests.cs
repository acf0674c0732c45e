using Hospital.Integration.Hl7;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>HL7 v2.5 §2.7 escape sequences and the vendor extras kept or mapped.</summary>
public sealed class Hl7EscapingTests
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Default;

    [Theory]
    [InlineData(@"a\F\b", "a|b")]
    [InlineData(@"a\S\b", "a^b")]
    [InlineData(@"a\T\b", "a&b")]
    [InlineData(@"a\R\b", "a~b")]
    [InlineData(@"a\E\b", @"a\b")]
    [InlineData(@"\X41424344\", "ABCD")]
    [InlineData(@"\XC3A9\t\X0D0A\", "ét\r\n")]
    [InlineData(@"line1\.br\line2", "line1\nline2")]
    [InlineData(@"\H\bold\N\", @"\H\bold\N\")]
    [InlineData(@"\.sp2\x", @"\.sp2\x")]
    [InlineData(@"\C2842\x", @"\C2842\x")]
    [InlineData(@"\Zvendor\", @"\Zvendor\")]
    [InlineData(@"\Z03BC\g/L", "\u03BCg/L")]
    public void Escape_sequences_read_as_the_standard_says(string raw, string expected) =>
        Assert.Equal(expected, Hl7Escaping.Unescape(raw, D, Hl7Charset.Utf8, lenient: true));

    [Fact]
    public void Escaping_covers_delimiters_and_control_characters()
    {
        Assert.Equal(@"a\F\b\S\c\T\d\R\e\E\f\X0D\\X0B\\X1C\", Hl7Escaping.Escape("a|b^c&d~e\\f\r\x0b\x1c", D));
        Assert.Same("plain text", Hl7Escaping.Escape("plain text", D));
    }

    [Fact]
    public void Escapes_use_the_messages_own_escape_character()
    {
        var d = new Hl7Delimiters('|', '^', '~', '!', '&');
        Assert.Equal("a|b!c", Hl7Escaping.Unescape("a!F!b!E!c", d, Hl7Charset.Ascii, false));
        Assert.Equal(@"a\b", Hl7Escaping.Unescape(@"a\b", d, Hl7Charset.Ascii, false));
    }
}
