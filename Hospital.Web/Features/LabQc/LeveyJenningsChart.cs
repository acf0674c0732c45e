using System.Globalization;
using System.Net;
using System.Text;
using Hospital.Domain.Lab;
using Hospital.Lis.Qc;
using Hospital.Web.Platform;

namespace Hospital.Web.Features.LabQc;

/// <summary>
/// A Levey-Jennings chart drawn on the server as inline SVG (no chart library, no script): one
/// control's values in run order against its target, with the mean and the ±1, ±2 and ±3 SD lines
/// Westgard's rules are read on, and each point coloured by what it broke (blue none, orange the
/// 1-2s warning, red a rejection). Values beyond ±4 SD sit on the edge, drawn as a triangle.
/// </summary>
public static class LeveyJenningsChart
{
    public const int Runs = 30;
    private const double Width = 640, Height = 240, Left = 78, Right = 12, Top = 12, Bottom = 26, Span = 4;
    private const double PlotW = Width - Left - Right, PlotH = Height - Top - Bottom;

    public static string Render(QcTarget target, IReadOnlyList<QcResult> runs)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"levey-jennings\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" ");
        svg.Append(CultureInfo.InvariantCulture, $"aria-label=\"Levey-Jennings {Escape(target.ControlId)}\" data-runs=\"{runs.Count}\" style=\"max-width:100%;height:auto\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{PlotW}\" height=\"{PlotH}\" fill=\"#fff\" stroke=\"#dee2e6\"/>");
        for (var k = -3; k <= 3; k++)
        {
            var (stroke, dash) = Math.Abs(k) switch { 0 => ("#198754", ""), 1 => ("#adb5bd", "2 3"), 2 => ("#fd7e14", "6 3"), _ => ("#dc3545", "6 3") };
            var y = Y(k);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"sd-line\" data-sd=\"{k}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{stroke}\"");
            if (dash.Length > 0) svg.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
            svg.Append("/>");
            var label = k == 0 ? "x̄" : $"{(k > 0 ? "+" : "−")}{Math.Abs(k)}SD";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 4}\" y=\"{y + 3:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"#495057\">{label} {QcNumbers.Text(target.Mean + k * target.Sd)}</text>");
        }

        var points = runs.Where(r => r.NumericValue is not null).Select((r, i) =>
            (Run: r, X: Left + (i + 0.5) * PlotW / Runs, Z: (double)WestgardRules.ZScore(r.NumericValue!.Value, target.Mean, target.Sd))).ToList();
        if (points.Count > 1)
            svg.Append("<polyline fill=\"none\" stroke=\"#6c757d\" stroke-width=\"1\" points=\"")
                .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{Y(p.Z):0.#}")))
                .Append("\"/>");
        foreach (var (run, x, z) in points)
        {
            var (css, fill) = run.RunRejected ? ("qc-reject", "#dc3545") : run.Violations is not null ? ("qc-warning", "#fd7e14") : ("qc-ok", "#0d6efd");
            var title = $"{VietnamTime.Format(run.InstrumentAt ?? run.ReceivedAt)} · {QcNumbers.Text(run.NumericValue!.Value)} ({QcNumbers.Z((decimal)z)} SD)"
                + (run.Violations is { } v ? $" · {v}" : "");
            var y = Y(z);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"qc-point {css}\" data-violations=\"{Escape(run.Violations ?? "")}\"><title>{Escape(title)}</title>");
            if (Math.Abs(z) > Span)
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x - 5:0.#},{y + (z > 0 ? 6 : -6):0.#} L{x + 5:0.#},{y + (z > 0 ? 6 : -6):0.#} L{x:0.#},{y:0.#} Z\" fill=\"{fill}\"/>");
            else
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{fill}\" stroke=\"#fff\"/>");
            svg.Append("</g>");
        }
        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"10\" fill=\"#495057\">{Day(points[0].Run)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{points[^1].X:0.#}\" y=\"{Height - 8}\" font-size=\"10\" text-anchor=\"end\" fill=\"#495057\">{Day(points[^1].Run)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static double Y(double z) => Top + (Span - Math.Clamp(z, -Span, Span)) / (2 * Span) * PlotH;

    private static string Day(QcResult run) => VietnamTime.ToLocal(run.InstrumentAt ?? run.ReceivedAt).ToString("dd/MM", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
