namespace Hospital.Integration.Hl7;

/// <summary>
/// Reads message bytes or text into an <see cref="Hl7Message"/> in one pass: delimiters from MSH-1/2,
/// charset from MSH-18, segments split on CR (HL7 v2.5 ch. 2 §2.5.2), escape sequences checked once.
/// Lenient mode accepts LF/CRLF terminators, leading blanks, empty lines, odd segment ids and unknown
/// escapes, recording each in <see cref="Hl7Message.Deviations"/>; strict mode rejects them.
/// </summary>
internal static class Hl7Parser
{
    public static Hl7Message Parse(ReadOnlySpan<byte> bytes, Hl7ParseOptions options)
    {
        var deviations = new List<Hl7Deviation>();
        var skip = LeadingJunk(bytes, options.IsLenient);
        var charset = CharsetOf(bytes[skip..], options.IsLenient, deviations);
        var text = Hl7Charsets.TryDecode(bytes, charset, out var bad);
        if (text is null)
        {
            var what = $"byte 0x{bytes[bad]:X2} at offset {bad} does not fit MSH-18 charset {Hl7Charsets.Msh18(charset)}";
            if (!options.IsLenient) throw new Hl7FormatException(Hl7ErrorCode.DataTypeError, what, 0, "MSH", 18);
            if (charset == Hl7Charset.Ascii && Hl7Charsets.TryDecode(bytes, Hl7Charset.Utf8, out _) is { } utf8)
            {
                (text, charset) = (utf8, Hl7Charset.Utf8);
                deviations.Add(new Hl7Deviation(Hl7DeviationKind.CharsetMismatch, what + "; read as UTF-8", 0));
            }
            else
            {
                charset = options.FallbackCharset;
                text = Hl7Charsets.TryDecode(bytes, charset, out _) ?? System.Text.Encoding.Latin1.GetString(bytes);
                deviations.Add(new Hl7Deviation(Hl7DeviationKind.CharsetMismatch, what + $"; read as {Hl7Charsets.Msh18(charset)}", 0));
            }
        }
        return Parse(text, options, charset, deviations);
    }

    public static Hl7Message Parse(string text, Hl7ParseOptions options) => Parse(text, options, null, []);

    private static Hl7Message Parse(string text, Hl7ParseOptions options, Hl7Charset? decodedAs, List<Hl7Deviation> deviations)
    {
        var lenient = options.IsLenient;
        var begin = LeadingJunk(text, lenient);
        if (begin > 0) deviations.Add(new Hl7Deviation(Hl7DeviationKind.LeadingBytes, $"{begin} character(s) before MSH ignored"));
        var header = text.AsSpan(begin);
        var delimiters = Hl7Delimiters.TryRead(header, out var encodingLength, out var error)
            ?? throw new Hl7FormatException(Hl7ErrorCode.RequiredFieldMissing, error!, 0, "MSH", 2);
        var charset = decodedAs ?? CharsetOf(header, delimiters, lenient, deviations);
        return new Hl7Message(text, delimiters, charset, lenient, deviations,
            message => ReadSegments(message, begin, 4 + encodingLength, deviations));
    }

    private static (List<Hl7Segment>, bool) ReadSegments(Hl7Message message, int begin, int mshEscapeFrom, List<Hl7Deviation> deviations)
    {
        var text = message.Text;
        var d = message.Delimiters;
        var lenient = message.Lenient;
        var segments = new List<Hl7Segment>(16);
        var canonical = begin == 0;
        bool sawLf = false, sawCrLf = false;
        var pos = begin;
        while (pos < text.Length)
        {
            var rel = text.AsSpan(pos).IndexOfAny('\r', '\n');
            var end = rel < 0 ? text.Length : pos + rel;
            var next = end + 1;
            if (rel < 0)
            {
                canonical = false;
                if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, "the last segment has no CR terminator (§2.5.2)", segments.Count);
                deviations.Add(new Hl7Deviation(Hl7DeviationKind.MissingFinalSegmentTerminator, "last segment not terminated by CR", segments.Count));
            }
            else if (text[end] == '\n' || (text[end] == '\r' && next < text.Length && text[next] == '\n'))
            {
                canonical = false;
                var crlf = text[end] == '\r';
                if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, $"segment terminated by {(crlf ? "CR LF" : "LF")}; HL7 requires CR (§2.5.2)", segments.Count);
                if (crlf) { next++; sawCrLf = true; } else sawLf = true;
            }
            if (end == pos)
            {
                canonical = false;
                if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, "empty segment (two terminators in a row)", segments.Count);
                deviations.Add(new Hl7Deviation(Hl7DeviationKind.EmptySegment, "empty line skipped", segments.Count));
                pos = next;
                continue;
            }
            var raw = text.AsSpan(pos, end - pos);
            var id = SegmentId(raw, d, lenient, segments.Count, deviations);
            if (segments.Count == 0 ? id != "MSH" : id == "MSH")
                throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, segments.Count == 0 ? "the first segment must be MSH" : "a second MSH inside one message (batches are not accepted here)", segments.Count, id);
            if (raw.Contains(d.Escape))
                Hl7Escaping.Validate(raw, segments.Count == 0 ? Math.Min(mshEscapeFrom, raw.Length) : 3, d, lenient, segments.Count, id, deviations);
            segments.Add(new Hl7Segment(message, pos, end - pos, id));
            pos = next;
        }
        if (sawLf) deviations.Add(new Hl7Deviation(Hl7DeviationKind.LineFeedSegmentTerminator, "segments terminated by LF instead of CR"));
        if (sawCrLf) deviations.Add(new Hl7Deviation(Hl7DeviationKind.CrLfSegmentTerminator, "segments terminated by CR LF instead of CR"));
        if (segments.Count == 0) throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, "no segments");
        return (segments, canonical);
    }

    private static string SegmentId(ReadOnlySpan<char> raw, Hl7Delimiters d, bool lenient, int index, List<Hl7Deviation> deviations)
    {
        var valid = raw.Length >= 3 && (raw.Length == 3 || raw[3] == d.Field)
            && IsIdChar(raw[0]) && IsIdChar(raw[1]) && IsIdChar(raw[2]);
        if (valid) return Hl7SegmentIds.Intern(raw[..3]);
        var cut = raw.IndexOf(d.Field);
        var shown = (cut < 0 ? raw : raw[..cut]).ToString();
        if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.SegmentSequenceError, $"\"{Truncate(shown)}\" is not a segment id (three upper-case letters or digits)", index);
        deviations.Add(new Hl7Deviation(Hl7DeviationKind.InvalidSegmentId, $"segment id \"{Truncate(shown)}\" accepted", index));
        return shown;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";

    /// <summary>Blanks, NULs and a BOM before "MSH" (lenient only); strict mode leaves them to fail the MSH check.</summary>
    private static int LeadingJunk(ReadOnlySpan<char> text, bool lenient)
    {
        if (!lenient) return 0;
        var i = 0;
        while (i < text.Length && (text[i] is '\0' or '\uFEFF' or '\r' or '\n' or ' ' or '\t')) i++;
        return i;
    }

    private static int LeadingJunk(ReadOnlySpan<byte> bytes, bool lenient)
    {
        if (!lenient) return 0;
        var i = 0;
        while (i < bytes.Length && bytes[i] is 0 or 0xEF or 0xBB or 0xBF or (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t') i++;
        return i;
    }

    /// <summary>MSH-18 read straight from the bytes: MSH is ASCII in every charset this codec accepts.</summary>
    private static Hl7Charset CharsetOf(ReadOnlySpan<byte> bytes, bool lenient, List<Hl7Deviation> deviations)
    {
        var line = bytes;
        var end = line.IndexOfAny((byte)'\r', (byte)'\n');
        if (end >= 0) line = line[..end];
        if (line.Length < 4 || !line.StartsWith("MSH"u8)) return Hl7Charset.Utf8; // the text parse reports the missing MSH
        var sep = line[3];
        var pos = 0;
        for (var field = 1; field <= 17; field++) // piece 17 of "MSH|..." is MSH-18
        {
            var next = line[pos..].IndexOf(sep);
            if (next < 0) return Hl7Charset.Ascii;
            pos += next + 1;
        }
        var value = line[pos..];
        var cut = value.IndexOf(sep);
        if (cut >= 0) value = value[..cut];
        Span<char> chars = stackalloc char[Math.Min(value.Length, 64)];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)value[i];
        return Resolve(chars, line.Length > 5 ? (char)line[5] : '~', lenient, deviations);
    }

    private static Hl7Charset CharsetOf(ReadOnlySpan<char> header, Hl7Delimiters d, bool lenient, List<Hl7Deviation> deviations)
    {
        var end = header.IndexOfAny('\r', '\n');
        var line = end < 0 ? header : header[..end];
        var pos = 0;
        for (var field = 1; field <= 17; field++)
        {
            var next = line[pos..].IndexOf(d.Field);
            if (next < 0) return Hl7Charset.Ascii;
            pos += next + 1;
        }
        var value = line[pos..];
        var cut = value.IndexOf(d.Field);
        return Resolve(cut >= 0 ? value[..cut] : value, d.Repetition, lenient, deviations);
    }

    private static Hl7Charset Resolve(ReadOnlySpan<char> msh18, char repetition, bool lenient, List<Hl7Deviation> deviations)
    {
        var rep = msh18.IndexOf(repetition); // alternate charsets repeat; the first one is the message's
        if (rep >= 0) msh18 = msh18[..rep];
        var charset = Hl7Charsets.FromMsh18(msh18, out var note);
        if (charset is null)
        {
            if (!lenient) throw new Hl7FormatException(Hl7ErrorCode.TableValueNotFound, $"MSH-18 character set \"{msh18.ToString()}\" is not supported (ASCII, 8859/1, UNICODE UTF-8)", 0, "MSH", 18);
            deviations.Add(new Hl7Deviation(Hl7DeviationKind.NonStandardCharset, $"MSH-18 \"{msh18.ToString()}\" unknown; read as UTF-8", 0));
            return Hl7Charset.Utf8;
        }
        if (note is not null) deviations.Add(new Hl7Deviation(Hl7DeviationKind.NonStandardCharset, note, 0));
        return charset.Value;
    }
}
