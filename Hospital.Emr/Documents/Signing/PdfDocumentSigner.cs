using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace Hospital.Emr.Documents.Signing;

/// <summary>
/// PDFsharp 6.5's signature support (<see cref="DigitalSignatureHandler"/>) with our own
/// <see cref="ICmsSigner"/> behind its <see cref="IDigitalSigner"/> seam. PDFsharp writes the
/// SubFilter adbe.pkcs7.detached (it has no switch for ETSI.CAdES.detached); the CMS inside is
/// CAdES-shaped all the same (SHA-256, signing-certificate-v2).
/// </summary>
public sealed class PdfDocumentSigner : IDocumentSigner
{
    public async Task<byte[]> SignAsync(PdfDocument document, ICmsSigner signer, SignatureDetails details, CancellationToken ct = default)
    {
        Pdf.PdfSetup.Initialize();
        var options = new DigitalSignatureOptions
        {
            Reason = details.Reason,
            Location = details.Location,
            ContactInfo = details.SignerTitle ?? "",
            AppName = "Hospital",
            PageIndex = document.PageCount - 1,
            // PDFsharp takes the widget's rectangle in PDF user space (origin bottom-left).
            Rectangle = details.Box is { } box
                ? new XRect(box.X, document.Pages[document.PageCount - 1].Height.Point - box.Y - box.Height, box.Width, box.Height)
                : new XRect(0, 0, 0, 0),
            AppearanceHandler = details.Box is null ? null : new SignatureStamp(details),
        };
        DigitalSignatureHandler.ForDocument(document, new PdfSharpSignerAdapter(signer, details.SignedAtUtc, ct), options);
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>PDFsharp hands over the byte ranges as a stream; the CMS is made over their bytes.</summary>
    private sealed class PdfSharpSignerAdapter(ICmsSigner signer, DateTime signingTimeUtc, CancellationToken ct) : IDigitalSigner
    {
        public string CertificateName => signer.Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        public Task<int> GetSignatureSizeAsync() => Task.FromResult(signer.MaxSignatureSize);

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's RangedStream cannot seek and reads fast only when asked for all of it at once
            // (it then reads each range from its own offset).
            var content = new byte[stream.Length];
            var read = stream.Read(content, 0, content.Length);
            if (read != content.Length) throw new InvalidOperationException($"Read {read} of {content.Length} bytes to sign.");
            return await signer.SignAsync(content, signingTimeUtc, ct);
        }
    }
}
