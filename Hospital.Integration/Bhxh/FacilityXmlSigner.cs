using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Hospital.Integration.Bhxh;

/// <summary>
/// The facility signature of BHYT XML files (CHUKYDONVI, bhyt-claims.md §2; mandatory by
/// NĐ 188/2025 Đ69 k9): an enveloped XMLDSig, RSA-SHA256, Reference URI "" with the enveloped
/// transform, the certificate in X509Data, placed inside the (empty) signature element. Signs
/// any of our documents: the XML0 check-in now, the GIAMDINHHS claim envelope later.
/// ⚠ Guides disagree on the signed span (whole document vs THONGTINDONVI…THONGTINHOSO); the
/// portal XSD is the authority, and URI "" is what community signers use.
/// </summary>
public sealed class FacilityXmlSigner(X509Certificate2 certificate)
{
    public X509Certificate2 Certificate => certificate;

    /// <summary>Signs <paramref name="doc"/> in place and returns it.</summary>
    /// <param name="signatureElement">The empty element that receives the signature, e.g. CHUKYDONVI.</param>
    public XmlDocument Sign(XmlDocument doc, string signatureElement = CheckInXml.SignatureSlot)
    {
        var slot = doc.DocumentElement?.GetElementsByTagName(signatureElement).OfType<XmlElement>().FirstOrDefault()
                   ?? throw new ArgumentException($"Tài liệu không có phần tử {signatureElement} để đặt chữ ký.", nameof(doc));
        if (slot.HasChildNodes) throw new InvalidOperationException($"{signatureElement} đã có chữ ký.");
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("Chứng thư số của cơ sở không có khóa bí mật RSA.");

        var signed = new SignedXml(doc) { SigningKey = key };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        slot.AppendChild(doc.ImportNode(signed.GetXml(), deep: true));
        return doc;
    }

    /// <summary>
    /// Checks a signature made this way against the certificate it carries (the portal checks it
    /// against the certificate registered for the facility). Used by the simulator and tests.
    /// </summary>
    public static bool Verify(XmlDocument doc, out X509Certificate2? signer)
    {
        signer = null;
        var nodes = doc.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (nodes.Count != 1 || nodes[0] is not XmlElement element) return false;
        var signed = new SignedXml(doc);
        try
        {
            signed.LoadXml(element);
            signer = signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.OfType<X509Certificate2>() ?? []).FirstOrDefault();
            return signer is not null && signed.CheckSignature(signer, verifySignatureOnly: true);
        }
        catch (CryptographicException) { return false; }
    }
}

/// <summary>Loads the facility certificate, or makes the self-signed one of demo and test installations.</summary>
public static class FacilityCertificate
{
    public const string DemoFileName = "facility-signing-demo.pfx";

    public static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);

    /// <summary>
    /// The demo certificate under <paramref name="directory"/>, created once (RSA 2048, 5 years)
    /// so the same key signs across restarts. Never for a real installation: the portal only
    /// accepts the certificate registered for the facility (Danh mục chứng thư số).
    /// </summary>
    public static X509Certificate2 LoadOrCreateDemo(string directory, string facilityName)
    {
        var path = Path.Combine(directory, DemoFileName);
        if (File.Exists(path)) return Load(path, null);
        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var subject = new X500DistinguishedName($"CN={Escape(facilityName)} (chứng thư thử nghiệm), O=Hospital demo, C=VN");
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var bytes = created.Export(X509ContentType.Pkcs12);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
        return Load(path, null);
    }

    private static string Escape(string name) => name.Replace(",", " ").Replace("=", " ").Replace("+", " ").Replace("\"", "");
}
