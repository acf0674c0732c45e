using System.Text;
using System.Text.Unicode;

namespace Hospital.Integration.Hl7;

/// <summary>The byte encodings an HL7 message can declare in MSH-18 that this codec reads and writes.</summary>
public enum Hl7Charset
{
    /// <summary>"ASCII" or MSH-18 empty (HL7 v2.5 §2.15.9.18: empty means 7-bit ASCII).</summary>
    Ascii,
    /// <summary>"8859/1".</summary>
    Latin1,
    /// <summary>"UNICODE UTF-8" (table 0211 from v2.5), and the variants analysers write for it.</summary>
    Utf8,
}

/// <summary>
/// Maps MSH-18 to a byte encoding and decodes/encodes message bytes (HL7 v2.5 table 0211). UTF-8 is safe
/// inside MLLP because 0x0B, 0x1C and 0x0D never occur inside its multi-byte sequences; UTF-16 is not,
/// so it is not offered. Vendors' labels are mapped in lenient mode and recorded (spec §3.7).
/// </summary>
public static class Hl7Charsets
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Encoding StrictLatin1 = Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// Reads an MSH-18 value (first repetition). Returns the charset and, for a label outside table 0211
    /// that was mapped anyway, the deviation to record; null charset when the label is unknown.
    /// </summary>
    public static Hl7Charset? FromMsh18(ReadOnlySpan<char> value, out string? deviation)
    {
        deviation = null;
        var v = value.Trim();
        if (v.IsEmpty || v.Equals("ASCII", StringComparison.OrdinalIgnoreCase)) return Hl7Charset.Ascii;
        if (v.Equals("8859/1", StringComparison.OrdinalIgnoreCase)) return Hl7Charset.Latin1;
        if (v.Equals("UNICODE UTF-8", StringComparison.OrdinalIgnoreCase)) return Hl7Charset.Utf8;
        if (v.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || v.Equals("UTF8", StringComparison.OrdinalIgnoreCase)
            || v.Equals("UNICODE UTF8", StringComparison.OrdinalIgnoreCase))
        {
            deviation = $"MSH-18 \"{v.ToString()}\" is not a table 0211 value; read as UNICODE UTF-8";
            return Hl7Charset.Utf8;
        }
        if (v.Equals("UNICODE", StringComparison.OrdinalIgnoreCase))
        {
            // v2.3 "UNICODE" meant UCS-2, but Mindray BC analysers put UTF-8 on the wire under it.
            deviation = "MSH-18 \"UNICODE\" read as UTF-8 (what Mindray BC analysers send under it)";
            return Hl7Charset.Utf8;
        }
        if (v.Equals("ISO 8859/1", StringComparison.OrdinalIgnoreCase) || v.Equals("ISO-8859-1", StringComparison.OrdinalIgnoreCase)
            || v.Equals("8859-1", StringComparison.OrdinalIgnoreCase))
        {
            deviation = $"MSH-18 \"{v.ToString()}\" is not a table 0211 value; read as 8859/1";
            return Hl7Charset.Latin1;
        }
        return null;
    }

    /// <summary>The MSH-18 value an encoder writes for a charset.</summary>
    public static string Msh18(Hl7Charset charset) => charset switch
    {
        Hl7Charset.Latin1 => "8859/1",
        Hl7Charset.Utf8 => "UNICODE UTF-8",
        _ => "ASCII",
    };

    /// <summary>
    /// Decodes message bytes. Returns null (with the offset of the first bad byte) when they do not fit
    /// the charset: a non-ASCII byte under ASCII, an invalid UTF-8 sequence under UTF-8.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, Hl7Charset charset, out int badOffset)
    {
        badOffset = -1;
        switch (charset)
        {
            case Hl7Charset.Latin1:
                return Encoding.Latin1.GetString(bytes);
            case Hl7Charset.Ascii:
                if (System.Text.Ascii.IsValid(bytes)) return Encoding.Latin1.GetString(bytes);
                badOffset = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                return null;
            default:
                if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
                badOffset = FirstInvalidUtf8(bytes);
                return null;
        }
    }

    /// <summary>Encodes text for the wire. ASCII-declared text that is not ASCII goes out as UTF-8, what analysers accept in practice.</summary>
    public static int GetByteCount(string text, Hl7Charset charset) => charset switch
    {
        Hl7Charset.Latin1 => Latin1Count(text),
        Hl7Charset.Ascii when System.Text.Ascii.IsValid(text) => text.Length,
        _ => Encoding.UTF8.GetByteCount(text),
    };

    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination, Hl7Charset charset)
    {
        if (charset == Hl7Charset.Latin1) return EncodeLatin1(text, destination);
        if (charset == Hl7Charset.Ascii && System.Text.Ascii.IsValid(text))
        {
            System.Text.Ascii.FromUtf16(text, destination, out var written);
            return written;
        }
        return Encoding.UTF8.GetBytes(text, destination);
    }

    private static int Latin1Count(string text)
    {
        try { return StrictLatin1.GetByteCount(text); }
        catch (EncoderFallbackException e)
        {
            throw new Hl7FormatException(Hl7ErrorCode.DataTypeError, $"character U+{(int)e.CharUnknown:X4} cannot be written in 8859/1 (MSH-18)");
        }
    }

    private static int EncodeLatin1(ReadOnlySpan<char> text, Span<byte> destination)
    {
        try { return StrictLatin1.GetBytes(text, destination); }
        catch (EncoderFallbackException e)
        {
            throw new Hl7FormatException(Hl7ErrorCode.DataTypeError, $"character U+{(int)e.CharUnknown:X4} cannot be written in 8859/1 (MSH-18)");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        try { StrictUtf8.GetCharCount(bytes); return -1; }
        catch (DecoderFallbackException e) { return e.Index; }
    }
}
