namespace Hospital.Integration.Astm.Records;

/// <summary>
/// The four delimiters an E1394 / LIS2-A2 message declares in its own header (LIS2-A2 / E1394, spec §2.1):
/// <c>H|\^&amp;</c> = field <c>|</c>, repeat <c>\</c>, component <c>^</c>, escape <c>&amp;</c>. Read from each H record.
/// </summary>
public readonly record struct AstmDelimiters(char Field, char Repeat, char Component, char Escape)
{
    public static AstmDelimiters Default { get; } = new('|', '\\', '^', '&');

    /// <summary>Reads the delimiters from the start of an H record (<c>H|\^&amp;|…</c>).</summary>
    /// <exception cref="AstmFormatException">not an H record, too short, or delimiters that repeat or clash with CR/LF/letters.</exception>
    public static AstmDelimiters FromHeader(ReadOnlySpan<char> header)
    {
        if (header.Length < 5 || header[0] != 'H')
            throw new AstmFormatException($"an H record starts with H and four delimiter characters; got \"{Preview(header)}\"");
        var d = new AstmDelimiters(header[1], header[2], header[3], header[4]);
        if (header.Length > 5 && header[5] != d.Field)
            throw new AstmFormatException($"the H delimiter field must end with the field delimiter '{d.Field}'; got \"{Preview(header)}\"");
        d.Validate();
        return d;
    }

    /// <summary>The characters after the field delimiter in H-2 (<c>\^&amp;</c>).</summary>
    public string HeaderDefinition => string.Concat(Repeat, Component, Escape);

    /// <exception cref="AstmFormatException">two delimiters equal, or one is CR, LF, a letter or a digit.</exception>
    public void Validate()
    {
        ReadOnlySpan<char> all = [Field, Repeat, Component, Escape];
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] is '\r' or '\n' || char.IsLetterOrDigit(all[i]))
                throw new AstmFormatException($"'{all[i]}' (U+{(int)all[i]:X4}) cannot be an ASTM delimiter");
            for (var j = i + 1; j < all.Length; j++)
                if (all[i] == all[j]) throw new AstmFormatException($"the delimiter '{all[i]}' is declared twice in \"H{Field}{HeaderDefinition}\"");
        }
    }

    internal bool IsDelimiter(char c) => c == Field || c == Repeat || c == Component || c == Escape;

    private static string Preview(ReadOnlySpan<char> s) => s.Length > 20 ? s[..20].ToString() + "…" : s.ToString();
}
