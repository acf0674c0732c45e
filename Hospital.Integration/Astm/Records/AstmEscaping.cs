using System.Text;

namespace Hospital.Integration.Astm.Records;

/// <summary>
/// Escape sequences of LIS2-A2 / E1394 (spec §2.1): <c>&amp;F&amp;</c> field, <c>&amp;S&amp;</c> component,
/// <c>&amp;R&amp;</c> repeat, <c>&amp;E&amp;</c> escape delimiter, <c>&amp;Xhh…&amp;</c> hexadecimal bytes (as
/// ISO-8859-1 characters), <c>&amp;H&amp;</c>/<c>&amp;N&amp;</c> highlighting on/off (dropped: no meaning in stored
/// text). An unknown or unterminated sequence is kept literally, as vendors write stray escape characters.
/// </summary>
public static class AstmEscaping
{
    /// <summary>Text with every delimiter character replaced by its escape sequence.</summary>
    public static string Escape(string? value, AstmDelimiters d)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (value.AsSpan().IndexOfAny([d.Field, d.Repeat, d.Component, d.Escape]) < 0) return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            var code = c == d.Field ? 'F' : c == d.Component ? 'S' : c == d.Repeat ? 'R' : c == d.Escape ? 'E' : '\0';
            if (code == '\0') sb.Append(c);
            else sb.Append(d.Escape).Append(code).Append(d.Escape);
        }
        return sb.ToString();
    }

    /// <summary>Escaped text back to its value.</summary>
    public static string Unescape(ReadOnlySpan<char> raw, AstmDelimiters d)
    {
        var first = raw.IndexOf(d.Escape);
        if (first < 0) return raw.ToString();
        var sb = new StringBuilder(raw.Length);
        sb.Append(raw[..first]);
        var i = first;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c != d.Escape) { sb.Append(c); i++; continue; }
            var close = raw[(i + 1)..].IndexOf(d.Escape);
            if (close < 0) { sb.Append(raw[i..]); break; }
            var body = raw.Slice(i + 1, close);
            if (!TryAppendSequence(sb, body, d)) sb.Append(raw.Slice(i, close + 2));
            i += close + 2;
        }
        return sb.ToString();
    }

    private static bool TryAppendSequence(StringBuilder sb, ReadOnlySpan<char> body, AstmDelimiters d)
    {
        if (body.Length == 1)
        {
            switch (body[0])
            {
                case 'F': sb.Append(d.Field); return true;
                case 'S': sb.Append(d.Component); return true;
                case 'R': sb.Append(d.Repeat); return true;
                case 'E': sb.Append(d.Escape); return true;
                case 'H' or 'N': return true;
            }
            return false;
        }
        if (body.Length >= 3 && body[0] == 'X' && (body.Length - 1) % 2 == 0)
        {
            var start = sb.Length;
            for (var k = 1; k < body.Length; k += 2)
            {
                var hi = HexValue(body[k]);
                var lo = HexValue(body[k + 1]);
                if (hi < 0 || lo < 0) { sb.Length = start; return false; }
                sb.Append((char)((hi << 4) | lo));
            }
            return true;
        }
        return false;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
