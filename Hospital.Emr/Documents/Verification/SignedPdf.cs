using System.Formats.Asn1;
using System.Globalization;
using System.Text;

namespace Hospital.Emr.Documents.Verification;

/// <summary>
/// The parts of a signed PDF that verification needs, read from the bytes themselves (not through
/// a PDF library, which would forgive damage): the last signature's /ByteRange [a b c d] and the
/// CMS in its /Contents hole. The ranges must start at 0, end at the end of the file and leave out
/// exactly the hex string, so a signature covers the whole file but its own value.
/// </summary>
public sealed record SignedPdf(byte[] SignedContent, byte[] Cms)
{
    public static SignedPdf? TryRead(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        if (at < 0) return null;
        var open = text.IndexOf('[', at);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        if (close < 0) return null;
        var numbers = text[(open + 1)..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length != 4) return null;
        var r = new long[4];
        for (var i = 0; i < 4; i++)
            if (!long.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out r[i])) return null;
        var (start1, length1, start2, length2) = (r[0], r[1], r[2], r[3]);
        if (start1 != 0 || length1 <= 0 || start2 <= length1 + 1 || length2 < 0 || start2 + length2 != pdf.Length) return null;
        if (pdf[length1] != '<' || pdf[start2 - 1] != '>') return null;

        var signed = new byte[length1 + length2];
        Array.Copy(pdf, 0, signed, 0, length1);
        Array.Copy(pdf, start2, signed, length1, length2);
        byte[] hole;
        try
        {
            hole = Convert.FromHexString(text[(int)(length1 + 1)..(int)(start2 - 1)].Trim());
        }
        catch (FormatException)
        {
            return null;
        }
        // The reserved space is zero-padded after the DER value: keep the value only.
        try
        {
            AsnDecoder.ReadEncodedValue(hole, AsnEncodingRules.BER, out _, out _, out var consumed);
            return new SignedPdf(signed, hole[..consumed]);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
