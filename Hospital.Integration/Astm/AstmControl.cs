namespace Hospital.Integration.Astm;

/// <summary>Control characters of the ASTM E1381 / CLSI LIS1-A low-level protocol (E1381 / LIS01-A2 §6).</summary>
public static class AstmControl
{
    public const byte Stx = 0x02;
    public const byte Etx = 0x03;
    public const byte Eot = 0x04;
    public const byte Enq = 0x05;
    public const byte Ack = 0x06;
    public const byte Lf = 0x0A;
    public const byte Cr = 0x0D;
    public const byte Nak = 0x15;
    public const byte Etb = 0x17;

    /// <summary>
    /// Characters that must never appear in frame text (LIS01-A2 §6.6.2): SOH, STX, ETX, EOT, ENQ, ACK,
    /// DLE, NAK, SYN, ETB, LF, DC1–DC4. CR is allowed (it ends each record).
    /// </summary>
    public static bool IsRestricted(byte b) => b switch
    {
        0x01 or Stx or Etx or Eot or Enq or Ack or 0x10 or Nak or 0x16 or Etb or Lf or 0x11 or 0x12 or 0x13 or 0x14 => true,
        _ => false,
    };

    /// <summary>Index of the first restricted character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfRestricted(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] < 0x20 && IsRestricted(text[i])) return i;
        return -1;
    }

    /// <summary>Readable name of a byte for error messages and logs ("ENQ", "0x41 'A'").</summary>
    public static string Describe(byte b) => b switch
    {
        Stx => "STX", Etx => "ETX", Eot => "EOT", Enq => "ENQ", Ack => "ACK", Lf => "LF", Cr => "CR", Nak => "NAK", Etb => "ETB",
        >= 0x20 and < 0x7F => $"0x{b:X2} '{(char)b}'",
        _ => $"0x{b:X2}",
    };
}
