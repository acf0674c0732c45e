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
