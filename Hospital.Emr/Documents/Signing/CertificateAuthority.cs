using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// A small certification authority for demo mode and tests: a self-signed root and end-entity
/// signing certificates for clinicians (key usage digitalSignature + nonRepudiation, as a signing
/// certificate under NĐ 23/2025 carries). Real deployments upload certificates from a licensed CA.
/// </summary>
public static class CertificateAuthority
{
    public static X509Certificate2 CreateRoot(string name, DateTime notBeforeUtc, int years, int keySize = 3072)
    {
        using var key = RSA.Create(keySize);
        return CreateRoot(name, key, notBeforeUtc, years);
    }

    public static X509Certificate2 CreateRoot(string name, RSA key, DateTime notBeforeUtc, int years)
    {
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(name)}, O={Escape(name)}, C=VN"),
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBeforeUtc, notBeforeUtc.AddYears(years));
    }

    /// <summary>A clinician's signing certificate issued by <paramref name="issuer"/> (which must hold its private key).</summary>
    public static X509Certificate2 Issue(X509Certificate2 issuer, string commonName, RSA key, DateTime notBeforeUtc, DateTime notAfterUtc)
    {
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(commonName)}, C=VN"),
            key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, notBeforeUtc, notAfterUtc, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The clinician's key, certificate and the CA certificate as one PKCS#12, encrypted under <paramref name="password"/> (AES-256, PBKDF2).</summary>
    public static byte[] ExportPkcs12(X509Certificate2 certificate, X509Certificate2 issuer, string password)
    {
        var collection = new X509Certificate2Collection { certificate, X509CertificateLoader.LoadCertificate(issuer.RawData) };
        return collection.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password)!;
    }

    public static string ToPem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    private static string Escape(string value) => value.Replace("\"", "").Replace(",", " ").Replace("=", " ").Replace("+", " ");
}
