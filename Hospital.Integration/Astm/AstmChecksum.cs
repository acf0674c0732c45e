namespace Hospital.Integration.Astm;

/// <summary>
/// Frame checksum of LIS01-A2 §6.3.1.2 (E1381 §6.3): the sum of the bytes from the frame number through
/// ETX or ETB inclusive (STX excluded), modulo 256, written as two upper-case hexadecimal characters.
/// </summary>
public static class AstmChecksum
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Low 8 bits of the sum of <paramref name="bytes"/> (FN … ETX/ETB).</summary>
    public static byte Compute(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        foreach (var b in bytes) sum += b;
        return (byte)sum;
    }

    /// <summary>Writes <paramref name="checksum"/> as two upper-case hex ASCII bytes (senders always use upper case).</summary>
    public static void WriteHex(byte checksum, Span<byte> destination)
    {
        destination[0] = (byte)HexDigits[checksum >> 4];
        destination[1] = (byte)HexDigits[checksum & 0xF];
    }

    /// <summary>Reads two hex ASCII bytes, either case (receivers accept lower case, LIS01-A2 §6.3.1.2 shows upper case).</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> twoChars, out byte checksum)
    {
        checksum = 0;
        if (twoChars.Length != 2) return false;
        var high = HexValue(twoChars[0]);
        var low = HexValue(twoChars[1]);
        if (high < 0 || low < 0) return false;
        checksum = (byte)((high << 4) | low);
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
