namespace Hospital.Web.Platform.Printing;

/// <summary>
/// Code 128 (ISO/IEC 15417:2007) for the visit code on queue tickets: printable ASCII in
/// subset B, runs of digits packed two per symbol in subset C. Used by the HTML print view
/// (<see cref="Code128Svg"/>) and the PDF ticket alike, because PDFsharp 6.5's PdfSharp.BarCodes
/// has no Code 128 (only 2 of 5 interleaved, 3 of 9, OMR and DataMatrix).
/// </summary>
public static class Code128
{
    public const int StartB = 104;
    public const int StartC = 105;
    public const int CodeB = 100;
    public const int CodeC = 99;
    public const int Stop = 106;
    /// <summary>Light margin each side, in modules (ISO/IEC 15417 §4.4.2: at least 10X).</summary>
    public const int QuietZone = 10;

    /// <summary>
    /// Bar/space widths in modules of symbol values 0–106 (ISO/IEC 15417 Table 1); each symbol
    /// starts with a bar and is 11 modules wide, the stop pattern 13.
    /// </summary>
    public static readonly IReadOnlyList<string> Patterns =
    [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ];

    /// <summary>
    /// The symbol values of <paramref name="text"/>: start, data (with subset switches), check
    /// symbol, stop. Subset C is used for a run of at least 4 digits at the start or end of the
    /// text, or at least 6 in the middle (fewer would not pay for the switch back); an odd run
    /// leaves its first digit in subset B.
    /// </summary>
    public static IReadOnlyList<int> Encode(string text)
    {
        if (string.IsNullOrEmpty(text)) throw new ArgumentException("Nothing to encode.", nameof(text));
        foreach (var ch in text)
            if (ch is < ' ' or > '~') throw new ArgumentException($"Code 128 subset B/C cannot encode '{ch}'.", nameof(text));

        var values = new List<int>();
        var i = 0;
        var run = DigitRun(text, 0);
        // Start in C for 4+ leading digits (an odd run ends with its last digit in B) or an all-digit even text.
        var inC = run >= 4 || run == text.Length && run % 2 == 0;
        values.Add(inC ? StartC : StartB);

        while (i < text.Length)
        {
            run = DigitRun(text, i);
            if (inC)
            {
                if (run >= 2)
                {
                    values.Add((text[i] - '0') * 10 + (text[i + 1] - '0'));
                    i += 2;
                    continue;
                }
                values.Add(CodeB);
                inC = false;
            }
            var atEnd = i + run == text.Length;
            if (run >= 6 || atEnd && run >= 4)
            {
                if (run % 2 == 1)
                {
                    values.Add(text[i] - 32);
                    i++;
                }
                values.Add(CodeC);
                inC = true;
                continue;
            }
            values.Add(text[i] - 32);
            i++;
        }

        values.Add(Checksum(values));
        values.Add(Stop);
        return values;
    }

    /// <summary>Modulo 103 of the start value plus each data value times its position (ISO/IEC 15417 §4.2.2).</summary>
    public static int Checksum(IReadOnlyList<int> startAndData)
    {
        var sum = startAndData[0];
        for (var p = 1; p < startAndData.Count; p++) sum += startAndData[p] * p;
        return sum % 103;
    }

    /// <summary>Alternating bar/space widths in modules of the whole symbol, quiet zones excluded (first is a bar).</summary>
    public static IReadOnlyList<int> Widths(string text) =>
        [.. Encode(text).SelectMany(v => Patterns[v]).Select(c => c - '0')];

    private static int DigitRun(string text, int from)
    {
        var n = 0;
        while (from + n < text.Length && char.IsAsciiDigit(text[from + n])) n++;
        return n;
    }
}
