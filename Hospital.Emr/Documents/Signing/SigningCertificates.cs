using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hospital.Domain.Common;

namespace Hospital.Emr.Documents.Signing;

/// <summary>Opens a signing certificate with its private key: from a PKCS#12 file and its password, or from the OS store (My) by thumbprint.</summary>
public static class SigningCertificates
{
    /// <summary>The certificate with a private key in <paramref name="pkcs12"/> and the other certificates (its issuers) shipped with it.</summary>
    public static LocalCmsSigner FromPkcs12(byte[] pkcs12, string password)
    {
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Mật khẩu chứng thư số không đúng (hoặc tệp PKCS#12 hỏng).");
        }
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new DomainException("Tệp PKCS#12 không chứa khóa bí mật để ký.");
        return new LocalCmsSigner(signer, [.. all.Where(c => c != signer)]);
    }

    /// <summary>Whether <paramref name="password"/> opens <paramref name="pkcs12"/>: the certificate (public part) or a Vietnamese error.</summary>
    public static X509Certificate2 Inspect(byte[] pkcs12, string password) => FromPkcs12(pkcs12, password).Certificate;

    public static LocalCmsSigner FromStore(string thumbprint, StoreLocation location)
    {
        using var store = new X509Store(StoreName.My, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            throw new DomainException($"Không mở được kho chứng thư {location}/My trên máy chủ.");
        }
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        var certificate = found.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new DomainException($"Không tìm thấy chứng thư số {thumbprint} có khóa bí mật trong kho {location}/My.");
        return new LocalCmsSigner(certificate);
    }
}
