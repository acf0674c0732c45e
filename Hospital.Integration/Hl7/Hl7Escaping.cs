using System.Globalization;
using System.Text;

namespace Hospital.Integration.Hl7;

/// <summary>
/// HL7 v2 escape sequences (HL7 v2.5 ch. 2 §2.7): \F\ \S\ \T\ \R\ \E\ for the delimiters, \Xhh…\ for
/// bytes in the message charset, \.br\ and the other formatting commands of §2.7.6, \H\ \N\ highlight,
/// \Cxxyy\ \Mxxyyzz\ charset switches and \Z…\ local escapes. The escape character is MSH-2's third one.
/// </summary>
public static class Hl7Escaping
{
    /// <summary>What an escape sequence's content (the text between the two escape characters) is.</summary>
    internal enum Kind { Delimiter, Hex, LineBreak, KeptVerbatim, LocalUnicode, Unknown }

    internal static Kind Classify(ReadOnlySpan<char> content)
    {
        if (content.Length == 1)
        {
            return content[0] switch
            {
                'F' or 'S' or 'T' or 'R' or 'E' => Kind.Delimiter,
                'H' or 'N' => Kind.KeptVerbatim, // highlight on/off: formatting, kept for the reader (§2.7.4)
                _ => Kind.Unknown,
            };
        }
        if (content.IsEmpty) return Kind.Unknown;
        var tail = content[1..];
        switch (content[0])
        {
            case 'X':
                return tail.Length % 2 == 0 && IsHex(tail) ? Kind.Hex : Kind.Unknown;
            case 'C':
                return tail.Length == 4 && IsHex(tail) ? Kind.KeptVerbatim : Kind.Unknown;
            case 'M':
                return tail.Length is 4 or 6 && IsHex(tail) ? Kind.KeptVerbatim : Kind.Unknown;
            case 'Z':
                return tail.Length == 4 && IsHex(tail) ? Kind.LocalUnicode : Kind.KeptVerbatim;
            case '.':
                if (tail.SequenceEqual("br")) return Kind.LineBreak;
                if (tail.Length >= 2 && (tail.StartsWith("sp") || tail.StartsWith("in") || tail.StartsWith("ti") || tail.StartsWith("sk")
                    || tail.SequenceEqual("ce") || tail.SequenceEqual("fi") || tail.SequenceEqual("nf")))
                {
                    return Kind.KeptVerbatim; // formatted-text commands of §2.7.6, meaningful only to an FT renderer
                }
                return Kind.Unknown;
            default:
                return Kind.Unknown;
        }
    }

    /// <summary>
    /// Checks every escape sequence of a segment (from <paramref name="from"/>) once at parse time so that
    /// reading values later never fails: strict mode rejects unknown or unterminated sequences, lenient mode
    /// keeps them verbatim and records a deviation.
    /// </summary>
    internal static void Validate(ReadOnlySpan<char> segment, int from, Hl7Delimiters d, bool lenient, int segmentIndex, string segmentId, List<Hl7Deviation> deviations)
    {
        var i = from;
        while (true)
        {
            var next = segment[i..].IndexOf(d.Escape);
            if (next < 0) return;
            i += next;
            var end = ClosingEscape(segment, i, d);
            if (end < 0)
            {
                var snippet = segment[i..Math.Min(segment.Length, i + 12)].ToString();
                if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.DataTypeError, $"escape character without a closing one at \"{snippet}\" (§2.7)", segmentIndex, segmentId);
                deviations.Add(new Hl7Deviation(Hl7DeviationKind.UnterminatedEscape, $"\"{snippet}\" kept verbatim", segmentIndex));
                i++;
                continue;
            }
            var content = segment[(i + 1)..end];
            switch (Classify(content))
            {
                case Kind.Unknown when !lenient:
                    throw new Hl7FormatException(Hl7ErrorCode.DataTypeError, $"unknown escape sequence \"{segment[i..(end + 1)].ToString()}\" (§2.7)", segmentIndex, segmentId);
                case Kind.Unknown:
                    deviations.Add(new Hl7Deviation(Hl7DeviationKind.UnknownEscape, $"\"{segment[i..(end + 1)].ToString()}\" kept verbatim", segmentIndex));
                    break;
                case Kind.LocalUnicode when lenient:
                    deviations.Add(new Hl7Deviation(Hl7DeviationKind.LocalEscapeReadAsUnicode, $"\"{segment[i..(end + 1)].ToString()}\" read as U+{content[1..].ToString()}", segmentIndex));
                    break;
            }
            i = end + 1;
        }
    }

    /// <summary>Index of the escape character closing the sequence opened at <paramref name="open"/>, or -1 when a delimiter or the end comes first.</summary>
    private static int ClosingEscape(ReadOnlySpan<char> text, int open, Hl7Delimiters d)
    {
        for (var j = open + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == d.Escape) return j;
            if (c == d.Field || c == d.Component || c == d.Repetition || c == d.Subcomponent) return -1;
        }
        return -1;
    }

    /// <summary>The text a raw (escaped) value stands for.</summary>
    public static string Unescape(ReadOnlySpan<char> raw, Hl7Delimiters d, Hl7Charset charset = Hl7Charset.Utf8, bool lenient = true)
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
            var end = ClosingEscape(raw, i, d);
            if (end < 0) { sb.Append(c); i++; continue; } // unterminated: kept verbatim (validated at parse)
            var content = raw[(i + 1)..end];
            switch (Classify(content))
            {
                case Kind.Delimiter:
                    sb.Append(content[0] switch { 'F' => d.Field, 'S' => d.Component, 'T' => d.Subcomponent, 'R' => d.Repetition, _ => d.Escape });
                    break;
                case Kind.Hex:
                    sb.Append(DecodeHex(content[1..], charset));
                    break;
                case Kind.LineBreak:
                    sb.Append('\n');
                    break;
                case Kind.LocalUnicode when lenient:
                    sb.Append((char)int.Parse(content[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(raw[i..(end + 1)]);
                    break;
            }
            i = end + 1;
        }
        return sb.ToString();
    }

    /// <summary>Escapes a value for one leaf position: delimiters become \F\ \S\ \T\ \R\ \E\, control characters (CR, LF, MLLP's 0x0B/0x1C) \Xhh\.</summary>
    public static string Escape(string value, Hl7Delimiters d)
    {
        if (!NeedsEscape(value, d)) return value;
        var sb = new StringBuilder(value.Length + 8);
        AppendEscaped(sb, value, d);
        return sb.ToString();
    }

    internal static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> value, Hl7Delimiters d)
    {
        if (!NeedsEscape(value, d)) { sb.Append(value); return; }
        foreach (var c in value)
        {
            char? code = c == d.Field ? 'F' : c == d.Component ? 'S' : c == d.Subcomponent ? 'T' : c == d.Repetition ? 'R' : c == d.Escape ? 'E' : null;
            if (code is { } k) sb.Append(d.Escape).Append(k).Append(d.Escape);
            else if (c < ' ') sb.Append(d.Escape).Append('X').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)).Append(d.Escape);
            else sb.Append(c);
        }
    }

    private static bool NeedsEscape(ReadOnlySpan<char> value, Hl7Delimiters d) =>
        value.IndexOfAny([d.Field, d.Component, d.Subcomponent, d.Repetition, d.Escape]) >= 0 || value.IndexOfAnyInRange('\0', '\x1f') >= 0;

    private static string DecodeHex(ReadOnlySpan<char> hex, Hl7Charset charset)
    {
        Span<byte> bytes = hex.Length <= 512 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        for (var k = 0; k < bytes.Length; k++)
            bytes[k] = byte.Parse(hex.Slice(k * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        // Hex escapes stand for bytes in the message's charset (§2.7.3); bytes that do not fit it are read as Latin-1.
        return Hl7Charsets.TryDecode(bytes, charset, out _) ?? Encoding.Latin1.GetString(bytes);
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return !s.IsEmpty;
    }
}
