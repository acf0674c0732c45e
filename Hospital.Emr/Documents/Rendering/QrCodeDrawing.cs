using PdfSharp.Drawing;
using QRCoder;

namespace Hospital.Emr.Documents.Rendering;

/// <summary>A QR code drawn as vector squares from QRCoder's module matrix (PDFsharp cannot read QRCoder's PNG output here).</summary>
internal static class QrCodeDrawing
{
    public static void Draw(XGraphics gfx, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
            for (var col = 0; col < matrix[row].Count; col++)
                if (matrix[row][col])
                    gfx.DrawRectangle(XBrushes.Black, x + col * module, y + row * module, module + 0.05, module + 0.05);
    }
}
