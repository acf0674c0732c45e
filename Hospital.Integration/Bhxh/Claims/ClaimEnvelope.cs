using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace Hospital.Integration.Bhxh.Claims;

/// <summary>One inner table of a claim file: LOAIHOSO ("XML1"…) and the UTF-8 bytes of its XML.</summary>
public sealed record ClaimTableFile(string Type, byte[] Content);

/// <summary>
/// The GIAMDINHHS envelope (bhyt-claims.md §2): THONGTINDONVI/MACSKCB, THONGTINHOSO with NGAYLAP,
/// SOLUONGHOSO and DANHSACHHOSO/HOSO/FILEHOSO (LOAIHOSO + NOIDUNGFILE = base64 of the table's UTF-8
/// bytes), and CHUKYDONVI for the facility signature. One HOSO (one MA_LK) per file, as the current API
/// guide asks; only the tables that apply to the episode.
/// </summary>
public static class ClaimEnvelope
{
    public const string Root = "GIAMDINHHS";
    public const string SignatureSlot = "CHUKYDONVI";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Dsig = SignedXml.XmlDsigNamespaceUrl;
    /// <summary>GIAMDINHHS declares xsi and xsd (§2), in canonical order (by prefix).</summary>
    private const string RootNamespaces = " xmlns:xsd=\"" + Xsd + "\" xmlns:xsi=\"" + Xsi + "\"";

    /// <summary>
    /// The tables of an episode in LOAIHOSO order: XML1, XML2 and XML3 when there are such rows, XML4 when
    /// CLS results exist, XML5 when notes are due, and each paper the episode has.
    /// </summary>
    public static IReadOnlyList<ClaimTableFile> Tables(ClaimEpisode e)
    {
        var maLk = e.Summary.MaLk;
        var tables = new List<ClaimTableFile>(9) { new(SummaryTable.Type, SummaryTable.Write(e.Summary)) };
        if (e.Drugs.Count > 0) tables.Add(new(DrugTable.Type, DrugTable.Write(maLk, e.Drugs)));
        if (e.Services.Count > 0) tables.Add(new(ServiceTable.Type, ServiceTable.Write(maLk, e.Services)));
        if (e.Results.Count > 0) tables.Add(new(ClinicalTables.ResultsType, ClinicalTables.WriteResults(maLk, e.Results)));
        if (e.Notes.Count > 0) tables.Add(new(ClinicalTables.NotesType, ClinicalTables.WriteNotes(maLk, e.Notes)));
        if (e.Discharge is { } d) tables.Add(new(PaperTables.DischargeType, PaperTables.WriteDischarge(e.Summary, d)));
        if (e.RecordSummary is { } r) tables.Add(new(PaperTables.RecordSummaryType, PaperTables.WriteRecordSummary(e.Summary, r)));
        if (e.Referral is { } t) tables.Add(new(PaperTables.ReferralType, PaperTables.WriteReferral(e.Summary, t)));
        if (e.Appointment is { } a) tables.Add(new(PaperTables.AppointmentType, PaperTables.WriteAppointment(e.Summary, a)));
        return tables;
    }

    /// <summary>Builds, signs (XMLDSig RSA-SHA256 in CHUKYDONVI with the facility certificate) and serialises the claim file of an episode.</summary>
    public static byte[] BuildSigned(ClaimEpisode e, DateOnly createdOn, FacilityXmlSigner signer) =>
        Sign(e.Summary.MaCskcb, createdOn, Tables(e), signer.Certificate);

    /// <summary>
    /// The signed file of one hồ sơ: the same enveloped signature <see cref="FacilityXmlSigner"/> makes
    /// (Reference URI "", enveloped transform, C14N 1.0, SHA-256 digest, RSA-SHA256, X509 certificate in
    /// KeyInfo) inside CHUKYDONVI. Written directly rather than through SignedXml, which clones the
    /// document for its transforms and costs milliseconds per file (a month is 100,000+ files): the
    /// envelope has a fixed shape with no attributes, comments or whitespace, so its canonical form is
    /// the text below with the XML declaration dropped and the signature left out (W3C C14N 1.0 §2:
    /// namespace declarations sorted, empty elements as start and end tags, &amp; &lt; &gt; escaped).
    /// SignedInfo is canonicalised with the namespaces it inherits from GIAMDINHHS, as verifiers do.
    /// xmlsec1 and SignedXml verify it (Hospital.Tests/Claims/ClaimFileTests).
    /// </summary>
    public static byte[] Sign(string facilityCode, DateOnly createdOn, IReadOnlyList<ClaimTableFile> tables, X509Certificate2 certificate)
    {
        var body = new StringBuilder(tables.Sum(t => t.Content.Length * 4 / 3 + 64) + 4096);
        body.Append('<').Append(Root).Append(RootNamespaces).Append('>')
            .Append("<THONGTINDONVI><MACSKCB>").Append(Escape(facilityCode)).Append("</MACSKCB></THONGTINDONVI>")
            .Append("<THONGTINHOSO><NGAYLAP>").Append(createdOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append("</NGAYLAP>")
            .Append("<SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO>");
        foreach (var t in tables)
            body.Append("<FILEHOSO><LOAIHOSO>").Append(Escape(t.Type)).Append("</LOAIHOSO><NOIDUNGFILE>")
                .Append(Convert.ToBase64String(t.Content)).Append("</NOIDUNGFILE></FILEHOSO>");
        body.Append("</HOSO></DANHSACHHOSO></THONGTINHOSO><").Append(SignatureSlot).Append('>');
        var prefix = body.ToString();
        const string suffix = "</" + SignatureSlot + "></" + Root + ">";

        var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(prefix + suffix)));
        string SignedInfo(string inherited) =>
            $"<SignedInfo xmlns=\"{Dsig}\"{inherited}><CanonicalizationMethod Algorithm=\"{SignedXml.XmlDsigC14NTransformUrl}\"></CanonicalizationMethod>" +
            $"<SignatureMethod Algorithm=\"{SignedXml.XmlDsigRSASHA256Url}\"></SignatureMethod><Reference URI=\"\"><Transforms>" +
            $"<Transform Algorithm=\"{SignedXml.XmlDsigEnvelopedSignatureTransformUrl}\"></Transform></Transforms>" +
            $"<DigestMethod Algorithm=\"{SignedXml.XmlDsigSHA256Url}\"></DigestMethod><DigestValue>{digest}</DigestValue></Reference></SignedInfo>";
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("Chứng thư số của cơ sở không có khóa bí mật RSA.");
        var signature = key.SignData(Encoding.UTF8.GetBytes(SignedInfo(RootNamespaces)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        // In the file SignedInfo's own start tag declares only the dsig namespace; the other two are inherited.
        var file = new StringBuilder(prefix.Length + 4096).Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>").Append(prefix)
            .Append("<Signature xmlns=\"").Append(Dsig).Append("\">").Append(SignedInfo(""))
            .Append("<SignatureValue>").Append(Convert.ToBase64String(signature)).Append("</SignatureValue>")
            .Append("<KeyInfo><X509Data><X509Certificate>").Append(Convert.ToBase64String(certificate.RawData))
            .Append("</X509Certificate></X509Data></KeyInfo></Signature>").Append(suffix);
        return Encoding.UTF8.GetBytes(file.ToString());
    }

    /// <summary>Text escaping of canonical XML (C14N 1.0 §2.3), also valid in the file.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "&#xD;", StringComparison.Ordinal);
}
