namespace Hospital.Integration.Astm;

/// <summary>What a received frame carried once its framing and checksum checked out.</summary>
/// <param name="FrameNumber">FN, 0..7.</param>
/// <param name="IsEnd">ETX (end frame, last of an E1381 message) rather than ETB (intermediate frame).</param>
/// <param name="TextStart">Offset of the text in the decoded body.</param>
/// <param name="TextLength">Length of the text (records with their CRs).</param>
public readonly record struct AstmFrameBody(int FrameNumber, bool IsEnd, int TextStart, int TextLength);

/// <summary>
/// Frame layout of E1381 / LIS01-A2 §6.3: <c>STX FN text ETB|ETX C1 C2 CR LF</c>.
/// Encoding for senders and validation for receivers; no state.
/// </summary>
public static class AstmFrame
{
    /// <summary>STX, FN, ETX|ETB, C1, C2, CR, LF.</summary>
    public const int Overhead = 7;

    /// <summary>Text per frame under E1381-95/-02 and LIS1-A (247 characters per frame with overhead).</summary>
    public const int ClassicMaxText = 240;

    /// <summary>Frame size limit of CLSI LIS01-A2 (64,000 characters including overhead): what a receiver accepts.</summary>
    public const int MaxFrameLength = 64_000;

    /// <summary>Bytes needed for a frame carrying <paramref name="textLength"/> bytes of text.</summary>
    public static int EncodedLength(int textLength) => textLength + Overhead;

    /// <summary>Writes one frame into <paramref name="destination"/> and returns its length.</summary>
    /// <exception cref="ArgumentException">frame number out of 0..7, or the text holds a restricted character.</exception>
    public static int Write(Span<byte> destination, int frameNumber, ReadOnlySpan<byte> text, bool isEnd)
    {
        if ((uint)frameNumber > 7) throw new ArgumentOutOfRangeException(nameof(frameNumber), frameNumber, "E1381 frame numbers are 0..7.");
        var bad = AstmControl.IndexOfRestricted(text);
        if (bad >= 0)
            throw new ArgumentException($"Frame text holds the restricted character {AstmControl.Describe(text[bad])} at {bad} (LIS01-A2 §6.6.2).", nameof(text));
        destination[0] = AstmControl.Stx;
        destination[1] = (byte)('0' + frameNumber);
        text.CopyTo(destination[2..]);
        var terminator = 2 + text.Length;
        destination[terminator] = isEnd ? AstmControl.Etx : AstmControl.Etb;
        AstmChecksum.WriteHex(AstmChecksum.Compute(destination[1..(terminator + 1)]), destination[(terminator + 1)..]);
        destination[terminator + 3] = AstmControl.Cr;
        destination[terminator + 4] = AstmControl.Lf;
        return terminator + 5;
    }

    /// <summary>Encodes one frame into a new array.</summary>
    public static byte[] Encode(int frameNumber, ReadOnlySpan<byte> text, bool isEnd)
    {
        var frame = new byte[EncodedLength(text.Length)];
        Write(frame, frameNumber, text, isEnd);
        return frame;
    }

    /// <summary>
    /// Checks a received frame body: the bytes after STX up to and including the LF. On failure
    /// <paramref name="error"/> says why, in words fit for the byte journal; the receiver answers NAK.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, out AstmFrameBody frame, out string? error)
    {
        frame = default;
        // FN + ETX|ETB + C1 C2 + CR LF.
        if (body.Length < 6) { error = $"frame of {body.Length} bytes after STX is shorter than FN, ETX, checksum, CR, LF"; return false; }
        if (body.Length + 1 > MaxFrameLength) { error = $"frame of {body.Length + 1} bytes exceeds the LIS01-A2 limit of {MaxFrameLength}"; return false; }
        var fn = body[0];
        if (fn < '0' || fn > '7') { error = $"frame number {AstmControl.Describe(fn)} is not a digit 0..7"; return false; }
        var terminatorIndex = body.Length - 5;
        var terminator = body[terminatorIndex];
        if (terminator != AstmControl.Etx && terminator != AstmControl.Etb)
        { error = $"expected ETX or ETB before the checksum, found {AstmControl.Describe(terminator)}"; return false; }
        if (body[^2] != AstmControl.Cr || body[^1] != AstmControl.Lf)
        { error = "frame does not end with CR LF after the checksum"; return false; }
        if (!AstmChecksum.TryParseHex(body.Slice(terminatorIndex + 1, 2), out var declared))
        { error = $"checksum characters {AstmControl.Describe(body[terminatorIndex + 1])} {AstmControl.Describe(body[terminatorIndex + 2])} are not hexadecimal"; return false; }
        var actual = AstmChecksum.Compute(body[..(terminatorIndex + 1)]);
        if (actual != declared) { error = $"checksum mismatch: frame says {declared:X2}, bytes sum to {actual:X2}"; return false; }
        var text = body[1..terminatorIndex];
        var bad = AstmControl.IndexOfRestricted(text);
        if (bad >= 0) { error = $"restricted character {AstmControl.Describe(text[bad])} at text offset {bad} (LIS01-A2 §6.6.2)"; return false; }
        frame = new AstmFrameBody(fn - '0', terminator == AstmControl.Etx, 1, text.Length);
        error = null;
        return true;
    }
}
