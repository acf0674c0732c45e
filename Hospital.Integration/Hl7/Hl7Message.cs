using Hospital.Integration.Hl7.Segments;

namespace Hospital.Integration.Hl7;

/// <summary>
/// An HL7 v2 message as received or built: the decoded text, its delimiters and charset (from MSH), the
/// segments as raw slices of the text, and the deviations lenient parsing accepted. Values are split
/// and unescaped only when read, so parsing costs one pass over the text.
/// </summary>
public sealed class Hl7Message
{
    private readonly List<Hl7Segment> segments;
    private readonly List<Hl7Deviation> deviations;
    private readonly bool canonical;

    internal Hl7Message(string text, Hl7Delimiters delimiters, Hl7Charset charset, bool lenient, List<Hl7Deviation> deviations, Func<Hl7Message, (List<Hl7Segment>, bool)> readSegments)
    {
        Text = text;
        Delimiters = delimiters;
        Charset = charset;
        Lenient = lenient;
        this.deviations = deviations;
        (segments, canonical) = readSegments(this);
    }

    /// <summary>The message text as decoded from the wire (segment terminators as received).</summary>
    public string Text { get; }

    public Hl7Delimiters Delimiters { get; }

    /// <summary>The charset the bytes were decoded with, and the one <see cref="EncodeToBytes"/> writes.</summary>
    public Hl7Charset Charset { get; }

    /// <summary>Whether the message was read in lenient mode (decides how \Zhhhh\ local escapes read).</summary>
    public bool Lenient { get; }

    public IReadOnlyList<Hl7Segment> Segments => segments;

    /// <summary>What lenient parsing accepted that HL7 does not allow; empty for a conforming message.</summary>
    public IReadOnlyList<Hl7Deviation> Deviations => deviations;

    public MshSegment Msh => new(segments[0]);

    public Hl7MessageType Type => Msh.MessageType;

    /// <summary>MSH-10, which the receiver echoes in MSA-2.</summary>
    public string ControlId => Msh.ControlId;

    /// <summary>The first segment with this id, or null.</summary>
    public Hl7Segment? First(string id)
    {
        foreach (var s in segments) if (s.Id == id) return s;
        return null;
    }

    /// <summary>Every segment with this id, in order.</summary>
    public IEnumerable<Hl7Segment> All(string id)
    {
        foreach (var s in segments) if (s.Id == id) yield return s;
    }

    public static Hl7Message Parse(string text, Hl7ParseOptions? options = null) => Hl7Parser.Parse(text, options ?? Hl7ParseOptions.Lenient);

    public static Hl7Message Parse(ReadOnlySpan<byte> bytes, Hl7ParseOptions? options = null) => Hl7Parser.Parse(bytes, options ?? Hl7ParseOptions.Lenient);

    /// <summary>The message in HL7 form: each segment followed by CR (§2.5.2), whatever terminators were received.</summary>
    public string Encode()
    {
        if (canonical) return Text;
        var length = 0;
        foreach (var s in segments) length += s.Raw.Length + 1;
        return string.Create(length, segments, static (dest, list) =>
        {
            var pos = 0;
            foreach (var s in list)
            {
                s.Raw.CopyTo(dest[pos..]);
                pos += s.Raw.Length;
                dest[pos++] = '\r';
            }
        });
    }

    /// <summary>Exact size of <see cref="EncodeTo"/>'s output.</summary>
    public int GetEncodedByteCount() => Hl7Charsets.GetByteCount(Encode(), Charset);

    /// <summary>Writes the encoded message in its charset; returns the number of bytes written.</summary>
    public int EncodeTo(Span<byte> destination) => Hl7Charsets.Encode(Encode(), destination, Charset);

    public byte[] EncodeToBytes()
    {
        var text = Encode();
        var bytes = new byte[Hl7Charsets.GetByteCount(text, Charset)];
        Hl7Charsets.Encode(text, bytes, Charset);
        return bytes;
    }

    public override string ToString() => Encode();
}
