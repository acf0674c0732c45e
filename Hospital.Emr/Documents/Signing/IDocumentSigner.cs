using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// Builds the signed PDF: reserves the signature field, lets <paramref name="signer"/> sign the
/// byte ranges, and returns the file. The signature dictionary carries the signer's name, the
/// reason, the location and the signing time (/M); <see cref="SignatureDetails.Box"/> adds a
/// visible stamp (name, title, time) on the last page.
/// </summary>
public interface IDocumentSigner
{
    Task<byte[]> SignAsync(PdfDocument document, ICmsSigner signer, SignatureDetails details, CancellationToken ct = default);
}

/// <param name="Box">Where the visible stamp goes on the last page (points, top-left origin); null for an invisible signature.</param>
public sealed record SignatureDetails(
    string SignerName, string? SignerTitle, string Reason, string Location, DateTime SignedAtUtc, XRect? Box = null);
