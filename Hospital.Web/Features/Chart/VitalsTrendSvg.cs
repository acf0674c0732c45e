using System.Globalization;
using System.Net;
using System.Text;

namespace Hospital.Web.Features.Chart;

/// <summary>
/// A small line chart of vital signs drawn on the server as inline SVG (no script library: the
/// chart is static SSR and must print). Each series is one line over the same measurements,
/// oldest on the left; a missing value breaks the line instead of inventing a point.
/// </summary>
public static class VitalsTrendSvg
{
    public const int Width = 300;
    public const int Height = 80;
    private const int Pad = 6;

    public sealed record Series(string Name, string Color, IReadOnlyList<decimal?> Values);

    /// <summary>The SVG markup, or an empty string when no series has a value.</summary>
    public static string Render(string title, IReadOnlyList<Series> series)
    {
        var all = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        if (all.Count == 0) return "";
        var (min, max) = (all.Min(), all.Max());
        if (max == min) { min -= 1; max += 1; }
        var count = series.Max(s => s.Values.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vitals-trend\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0.5\" y=\"0.5\" width=\"{Width - 1}\" height=\"{Height - 1}\" fill=\"none\" stroke=\"#dee2e6\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"12\" font-size=\"10\" text-anchor=\"end\" fill=\"#6c757d\">{Number(max)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Pad}\" y=\"{Height - 3}\" font-size=\"10\" text-anchor=\"end\" fill=\"#6c757d\">{Number(min)}</text>");
        foreach (var s in series)
        {
            foreach (var run in Runs(s.Values))
            {
                var points = run.Select(p => Point(p.Index, p.Value, count, min, max)).ToList();
                var name = WebUtility.HtmlEncode(s.Name);
                svg.Append(points.Count == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{points[0].X:F1}\" cy=\"{points[0].Y:F1}\" r=\"2\" fill=\"{s.Color}\"><title>{name}</title></circle>")
                    : $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:F1},{p.Y:F1}")))}\"><title>{name}</title></polyline>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Stretches of consecutive measured values.</summary>
    private static List<List<(int Index, decimal Value)>> Runs(IReadOnlyList<decimal?> values)
    {
        var runs = new List<List<(int, decimal)>>();
        List<(int, decimal)>? current = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v) (current ??= []).Add((i, v));
            else if (current is not null) { runs.Add(current); current = null; }
        }
        if (current is not null) runs.Add(current);
        return runs;
    }

    private static (double X, double Y) Point(int index, decimal value, int count, decimal min, decimal max)
    {
        var plotWidth = Width - 2 * Pad - 24;
        var x = Pad + (count <= 1 ? plotWidth / 2.0 : index * (double)plotWidth / (count - 1));
        var y = Pad + (double)((max - value) / (max - min)) * (Height - 2 * Pad);
        return (x, y);
    }

    private static string Number(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
