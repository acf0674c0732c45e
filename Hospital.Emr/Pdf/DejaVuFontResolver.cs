using PdfSharp.Fonts;

namespace Hospital.Emr.Pdf;

/// <summary>
/// Resolves every family to DejaVu Sans (Debian package fonts-dejavu-core), which covers all
/// Vietnamese letters with their stacked diacritics. The directory can be moved with the
/// environment variable HOSPITAL_FONT_DIR. A missing font fails with the package to install.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    // PDFsharp's font subset leaves out the parts of nested composite glyphs (DejaVu builds ố, ế,
    // ễ, ở from composites of composites), which then print without their marks although the text
    // extracts fine. The whole font file is embedded instead (about 350 KB a face, compressed).
    private static readonly PdfSharp.Drawing.XPdfFontOptions WholeFont = new(PdfSharp.Pdf.PdfFontEmbedding.EmbedCompleteFontFile);

    /// <summary>DejaVu Sans regular or bold, embedded whole: the face every printed form and report uses.</summary>
    public static PdfSharp.Drawing.XFont Face(double size, bool bold = false) =>
        new(Family, size, bold ? PdfSharp.Drawing.XFontStyleEx.Bold : PdfSharp.Drawing.XFontStyleEx.Regular, WholeFont);

    public static string FontDirectory =>
        Environment.GetEnvironmentVariable("HOSPITAL_FONT_DIR") is { Length: > 0 } dir ? dir : "/usr/share/fonts/truetype/dejavu";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => Bold,
            (false, true) => "DejaVuSans-Oblique",
            _ => Regular,
        });

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(FontDirectory, faceName + ".ttf");
        if (!File.Exists(path))
            throw new FileNotFoundException($"Font {path} not found: install the Debian package fonts-dejavu-core (or set HOSPITAL_FONT_DIR).", path);
        return File.ReadAllBytes(path);
    }
}
