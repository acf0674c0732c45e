using QRCoder;

namespace Hospital.Web.Platform.Printing;

/// <summary>QR codes for pages (SVG) and PDFs (module matrix), ECC level M: survives a creased slip or a glossy screen.</summary>
public static class QrCodes
{
    public static string Svg(string text, int pixelsPerModule = 4)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>Dark/light modules, quiet zone included (PDFsharp cannot read QRCoder's PNG, so PDFs draw squares).</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> Modules(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix.Select(row => (IReadOnlyList<bool>)[.. row.Cast<bool>()])];
    }
}
