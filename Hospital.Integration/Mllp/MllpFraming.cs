using Hospital.Integration.Hl7;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Mllp;

/// <summary>
/// MLLP block framing (HL7 v2.5 Appendix C, MLLP release 1): &lt;SB 0x0B&gt; message &lt;EB 0x1C&gt;&lt;CR 0x0D&gt;.
/// No length, no checksum; ACKs are framed the same way.
/// </summary>
public static class MllpFraming
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>The framed bytes of a message in its charset.</summary>
    public static byte[] Frame(Hl7Message message)
    {
        var text = message.Encode();
        var length = Hl7Charsets.GetByteCount(text, message.Charset);
        var framed = new byte[length + 3];
        framed[0] = StartBlock;
        Hl7Charsets.Encode(text, framed.AsSpan(1), message.Charset);
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }

    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var framed = new byte[payload.Length + 3];
        framed[0] = StartBlock;
        payload.CopyTo(framed.AsSpan(1));
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        return framed;
    }

    /// <summary>Frames and writes a message in one write.</summary>
    public static ValueTask WriteAsync(IByteChannel channel, Hl7Message message, CancellationToken ct) => channel.WriteAsync(Frame(message), ct);
}
