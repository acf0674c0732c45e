using System.Text;
using System.Xml;

namespace Hospital.Integration.Bhxh.Envelope;

/// <summary>One FILEHOSO of the envelope: LOAIHOSO ("XML1"…"XML15") and the decoded inner table XML.</summary>
public sealed record ClaimEnvelopeFile(string Type, string Xml);

/// <summary>
/// Reads a GIAMDINHHS file (bhyt-claims.md §2): THONGTINDONVI/MACSKCB, THONGTINHOSO/NGAYLAP,
/// SOLUONGHOSO, DANHSACHHOSO/HOSO/FILEHOSO (LOAIHOSO, NOIDUNGFILE = base64 of the UTF-8 table XML).
/// Used where a file comes back to be looked at: the portal simulator checks what it receives,
/// the claim page shows the tables as they were sent. Structure faults are
/// <see cref="ClaimEnvelopeException"/> with a Vietnamese sentence, as the portal would word them.
/// </summary>
public sealed record ClaimEnvelope(string FacilityCode, string CreatedOn, string DeclaredCount, int RecordCount, IReadOnlyList<ClaimEnvelopeFile> Files)
{
    public const string Root = "GIAMDINHHS";
    public const string SignatureSlot = "CHUKYDONVI";

    /// <summary>Parses the bytes without DTDs or external entities (the file comes from outside).</summary>
    public static XmlDocument Load(byte[] bytes)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new ClaimEnvelopeException("Tệp XML không đúng định dạng: " + ex.Message);
        }
        return doc;
    }

    public static ClaimEnvelope Read(byte[] bytes) => Read(Load(bytes));

    public static ClaimEnvelope Read(XmlDocument doc)
    {
        var root = doc.DocumentElement;
        if (root?.Name != Root) throw new ClaimEnvelopeException($"Phần tử gốc phải là {Root}.");
        var facility = root["THONGTINDONVI"]?["MACSKCB"]?.InnerText.Trim()
                       ?? throw new ClaimEnvelopeException("Thiếu THONGTINDONVI/MACSKCB.");
        var info = root["THONGTINHOSO"] ?? throw new ClaimEnvelopeException("Thiếu THONGTINHOSO.");
        var records = info["DANHSACHHOSO"]?.ChildNodes.OfType<XmlElement>().Where(e => e.Name == "HOSO").ToList()
                      ?? throw new ClaimEnvelopeException("Thiếu THONGTINHOSO/DANHSACHHOSO.");
        var files = new List<ClaimEnvelopeFile>();
        foreach (var file in records.SelectMany(r => r.ChildNodes.OfType<XmlElement>()).Where(e => e.Name == "FILEHOSO"))
        {
            var type = file["LOAIHOSO"]?.InnerText.Trim();
            if (string.IsNullOrEmpty(type)) throw new ClaimEnvelopeException("FILEHOSO thiếu LOAIHOSO.");
            files.Add(new ClaimEnvelopeFile(type, Decode(type, file["NOIDUNGFILE"]?.InnerText)));
        }
        return new ClaimEnvelope(facility, info["NGAYLAP"]?.InnerText.Trim() ?? "", info["SOLUONGHOSO"]?.InnerText.Trim() ?? "", records.Count, files);
    }

    /// <summary>NOIDUNGFILE: base64 of the UTF-8 bytes of a well-formed table XML.</summary>
    private static string Decode(string type, string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) throw new ClaimEnvelopeException($"NOIDUNGFILE của {type} trống.");
        string xml;
        try
        {
            xml = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException) { throw new ClaimEnvelopeException($"NOIDUNGFILE của {type} không phải chuỗi base64."); }
        catch (DecoderFallbackException) { throw new ClaimEnvelopeException($"NOIDUNGFILE của {type} không phải văn bản UTF-8."); }
        try
        {
            Load(Encoding.UTF8.GetBytes(xml));
        }
        catch (ClaimEnvelopeException ex) { throw new ClaimEnvelopeException($"NOIDUNGFILE của {type}: {ex.Message}"); }
        return xml;
    }
}

/// <summary>The file is not a readable GIAMDINHHS envelope; the message says what is wrong, in Vietnamese.</summary>
public sealed class ClaimEnvelopeException(string message) : Exception(message);
