using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Hospital.Emr.Documents.Verification;

/// <summary>Why a stored document is or is not trustworthy.</summary>
public enum DocumentCheck
{
    Valid = 0,
    /// <summary>The stored bytes are not the bytes that were signed and hashed (ContentSha256).</summary>
    ContentChanged = 1,
    NoSignature = 2,
    /// <summary>The CMS signature does not verify over the signed byte ranges.</summary>
    SignatureInvalid = 3,
    /// <summary>The signer's certificate does not chain to a signing authority this hospital accepts.</summary>
    UntrustedSigner = 4,
}

public sealed record DocumentVerdict(DocumentCheck Check, string? SignerSubject = null, DateTime? SigningTimeUtc = null)
{
    public bool IsValid => Check == DocumentCheck.Valid;
}

/// <summary>
/// A signed document is valid when (1) its stored bytes hash to the ContentSha256 written when it
/// was signed, (2) the embedded CMS signature verifies over the /ByteRange (the whole file but the
/// signature itself), and (3) the signer's certificate chains to a known
/// <see cref="Hospital.Domain.Clinical.SigningAuthority"/> (Luật GDĐT 2023 Đ23: a secure signature
/// identifies the signer and reveals any change after signing).
/// </summary>
public static class DocumentVerification
{
    public static DocumentVerdict Verify(byte[] content, string contentSha256, IReadOnlyCollection<X509Certificate2> authorities)
    {
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), contentSha256, StringComparison.OrdinalIgnoreCase))
            return new DocumentVerdict(DocumentCheck.ContentChanged);
        if (SignedPdf.TryRead(content) is not { } signed) return new DocumentVerdict(DocumentCheck.NoSignature);

        var cms = new SignedCms(new ContentInfo(signed.SignedContent), detached: true);
        SignerInfo signer;
        try
        {
            cms.Decode(signed.Cms);
            if (cms.SignerInfos.Count != 1) return new DocumentVerdict(DocumentCheck.SignatureInvalid);
            signer = cms.SignerInfos[0];
            // Signature and digest only: the chain is checked below against our own authorities.
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new DocumentVerdict(DocumentCheck.SignatureInvalid);
        }
        var certificate = signer.Certificate;
        if (certificate is null) return new DocumentVerdict(DocumentCheck.SignatureInvalid);
        var signingTime = SigningTimeOf(signer);
        var subject = certificate.Subject;
        return ChainsToAuthority(certificate, cms.Certificates, authorities, signingTime)
            ? new DocumentVerdict(DocumentCheck.Valid, subject, signingTime)
            : new DocumentVerdict(DocumentCheck.UntrustedSigner, subject, signingTime);
    }

    private static DateTime? SigningTimeOf(SignerInfo signer)
    {
        foreach (var attribute in signer.SignedAttributes)
            if (attribute.Oid.Value == "1.2.840.113549.1.9.5")
                return new Pkcs9SigningTime(attribute.Values[0].RawData).SigningTime.ToUniversalTime();
        return null;
    }

    /// <summary>Built at the signing time: a certificate that expired since still vouches for what it signed then.</summary>
    private static bool ChainsToAuthority(X509Certificate2 certificate, X509Certificate2Collection embedded,
        IReadOnlyCollection<X509Certificate2> authorities, DateTime? signingTimeUtc)
    {
        if (authorities.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        // Revocation is the hospital's own list (ClinicianCertificate.RevokedAt), not a CRL here.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (signingTimeUtc is { } at) chain.ChainPolicy.VerificationTime = at.ToLocalTime();
        return chain.Build(certificate);
    }
}
