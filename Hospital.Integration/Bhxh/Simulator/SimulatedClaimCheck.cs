using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Hospital.Integration.Bhxh.Envelope;

namespace Hospital.Integration.Bhxh.Simulator;

/// <summary>One claim file the simulator accepted.</summary>
public sealed record SimulatedClaim(string TransactionCode, string FacilityCode, string MaLk, IReadOnlyList<string> Tables, string Xml, DateTime ReceivedAtUtc);

/// <summary>
/// What the simulated gateway checks in a claim file before it says "Tiếp nhận thành công"
/// (bhyt-claims.md §2 and §6): a GIAMDINHHS envelope with a valid XMLDSig in CHUKYDONVI,
/// MACSKCB = maCSKCB of the form, exactly one hồ sơ (SOLUONGHOSO = 1, one HOSO), every
/// NOIDUNGFILE base64 of well-formed UTF-8 XML, an XML1 with MA_LK, and never XML12 (sent by
/// assessment bodies through their own service). The real portal checks fields later, asynchronously.
/// </summary>
internal static class SimulatedClaimCheck
{
    /// <returns>The MA_LK and table list of an acceptable file, or the reason to refuse it.</returns>
    public static (string? MaLk, IReadOnlyList<string> Tables, string? Refusal) Check(byte[] bytes, string facility)
    {
        try
        {
            var doc = ClaimEnvelope.Load(bytes);
            if (SignatureRefusal(doc, ClaimEnvelope.Root, ClaimEnvelope.SignatureSlot) is { } bad) return Refuse(bad);
            var envelope = ClaimEnvelope.Read(doc);
            if (envelope.FacilityCode != facility) return Refuse($"MACSKCB trong hồ sơ ({envelope.FacilityCode}) khác maCSKCB ({facility})");
            if (envelope.DeclaredCount != "1" || envelope.RecordCount != 1)
                return Refuse($"Mỗi tệp chỉ được chứa 1 hồ sơ (SOLUONGHOSO = {envelope.DeclaredCount}, có {envelope.RecordCount} HOSO)");
            if (envelope.Files.Any(f => f.Type == "XML12")) return Refuse("XML12 không gửi trong hồ sơ đề nghị thanh toán");
            var summary = envelope.Files.FirstOrDefault(f => f.Type == "XML1");
            if (summary is null) return Refuse("Hồ sơ thiếu bảng XML1 (TONG_HOP)");
            var maLk = XElement.Parse(summary.Xml).Element("MA_LK")?.Value.Trim();
            if (string.IsNullOrEmpty(maLk)) return Refuse("XML1 thiếu MA_LK");
            return (maLk, envelope.Files.Select(f => f.Type).ToList(), null);
        }
        catch (ClaimEnvelopeException ex) { return Refuse(ex.Message.TrimEnd('.')); }
        catch (XmlException ex) { return Refuse("XML1 không đúng định dạng: " + ex.Message); }
    }

    /// <summary>The root is the expected one and its signature slot holds a valid XMLDSig (XML0 and GIAMDINHHS alike), else the reason.</summary>
    public static string? SignatureRefusal(XmlDocument doc, string root, string slotName)
    {
        if (doc.DocumentElement?.Name != root) return $"Phần tử gốc phải là {root}";
        if (doc.DocumentElement[slotName]?["Signature", SignedXml.XmlDsigNamespaceUrl] is null) return $"Hồ sơ chưa được ký số ({slotName} trống)";
        return FacilityXmlSigner.Verify(doc, out _) ? null : "Chữ ký số không hợp lệ";
    }

    private static (string?, IReadOnlyList<string>, string?) Refuse(string reason) => (null, [], reason);
}
