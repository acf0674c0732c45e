using System.Globalization;
using System.Net;
using System.Text;

namespace Hospital.Web.Platform.Printing;

/// <summary>A <see cref="Code128"/> symbol as inline SVG: one rectangle per bar, quiet zones included, scaled by CSS.</summary>
public static class Code128Svg
{
    public static string Render(string text, int heightModules = 40)
    {
        var widths = Code128.Widths(text);
        var total = widths.Sum() + 2 * Code128.QuietZone;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"code128\" viewBox=\"0 0 {total} {heightModules}\" preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(text)}\" data-code128=\"{WebUtility.HtmlEncode(text)}\">");
        var x = Code128.QuietZone;
        for (var k = 0; k < widths.Count; k++)
        {
            if (k % 2 == 0) sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"0\" width=\"{widths[k]}\" height=\"{heightModules}\"/>");
            x += widths[k];
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
