using System.Security.Cryptography.X509Certificates;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// Produces a detached CMS signature (SHA-256) over the bytes a PDF signature covers. Kept apart
/// from building the PDF container (<see cref="IDocumentSigner"/>) so a remote-signing service
/// (VNPT SmartCA, Viettel MySign: send a hash, receive a signature) can be a second implementation
/// without touching the PDF code.
/// </summary>
public interface ICmsSigner
{
    /// <summary>The signer's certificate (public part), shown in the signature and checked on verification.</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>An upper bound of the encoded CMS size, reserved in the PDF before signing.</summary>
    int MaxSignatureSize { get; }

    Task<byte[]> SignAsync(byte[] content, DateTime signingTimeUtc, CancellationToken ct = default);
}
