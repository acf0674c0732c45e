using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// A CMS signature made here with a certificate whose private key we hold (a PKCS#12 opened with
/// the clinician's password, or the server's certificate store). SHA-256 digest, the signing time
/// and the ESS signing-certificate-v2 attribute (RFC 5035; what PAdES/CAdES use to bind the
/// signer's certificate), the signer's certificate and its issuers embedded.
/// </summary>
public sealed class LocalCmsSigner(X509Certificate2 certificate, IReadOnlyList<X509Certificate2>? issuers = null) : ICmsSigner
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    public X509Certificate2 Certificate { get; } = certificate.HasPrivateKey
        ? certificate
        : throw new ArgumentException("The signing certificate has no private key.", nameof(certificate));

    // Signature value (key size) + the embedded certificates + attributes and structure, with room to spare.
    public int MaxSignatureSize =>
        4096 + Certificate.RawData.Length + (issuers ?? []).Sum(c => c.RawData.Length);

    public Task<byte[]> SignAsync(byte[] content, DateTime signingTimeUtc, CancellationToken ct = default)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.SpecifyKind(signingTimeUtc, DateTimeKind.Utc)));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(Certificate)));
        foreach (var issuer in issuers ?? []) signer.Certificates.Add(issuer);
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, hash algorithm SHA-256 (the default, so omitted).</summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return writer.Encode();
    }
}
