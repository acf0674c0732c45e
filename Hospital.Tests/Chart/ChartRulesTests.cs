using System.Xml.Linq;
using Hospital.Web.Features.Chart;

namespace Hospital.Tests.Chart;

/// <summary>The chart's pure parts: the diagnosis summary and the vitals trend drawing.</summary>
public sealed class ChartRulesTests
{
    private static DateTime Utc(int day, int hour = 2) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, DiagnosisSummary.Exam[], string> Summaries => new()
    {
        { "no exams", [], "" },
        { "main only", [new(Utc(1), "J06.9", null)], "J06.9 1 01/03-01/03 main" },
        {
            "a code seen twice keeps first and last day, most recent first",
            [new(Utc(1), "I10", "E11.9"), new(Utc(5), "J06.9", "I10")],
            "I10 2 01/03-05/03 main|J06.9 1 05/03-05/03 main|E11.9 1 01/03-01/03 secondary"
        },
        { "a code named as main and secondary in one exam counts once", [new(Utc(2), "I10", "I10; E11.9")], "E11.9 1 02/03-02/03 secondary|I10 1 02/03-02/03 main" },
        // 20:00 UTC on the 1st is 03:00 on the 2nd in Vietnam.
        { "days are Vietnam days", [new(Utc(1, 20), "K29.7", null)], "K29.7 1 02/03-02/03 main" },
    };

    [Theory, MemberData(nameof(Summaries))]
    public void Diagnosis_summary(string because, DiagnosisSummary.Exam[] exams, string expected)
    {
        var text = string.Join('|', DiagnosisSummary.Of(exams).Select(d =>
            $"{d.Code} {d.Times} {d.First:dd/MM}-{d.Last:dd/MM} {(d.EverPrimary ? "main" : "secondary")}"));
        Assert.True(expected == text, $"{because}: {text}");
    }

    [Theory]
    [InlineData(new[] { 120, 130, 140 }, 1, 0)]
    [InlineData(new[] { 120, -1, 140 }, 0, 2)]
    [InlineData(new[] { 120, 125, -1, 140, 150 }, 2, 0)]
    [InlineData(new[] { -1, -1 }, 0, 0)]
    public void Vitals_trend_breaks_the_line_at_a_missing_value(int[] values, int lines, int dots)
    {
        var svg = VitalsTrendSvg.Render("Huyết áp", [new("Tâm thu", "#dc3545", values.Select(v => v < 0 ? null : (decimal?)v).ToList())]);
        if (lines + dots == 0) { Assert.Equal("", svg); return; }
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(lines, doc.Descendants(ns + "polyline").Count());
        Assert.Equal(dots, doc.Descendants(ns + "circle").Count());
        // Higher values are drawn higher (smaller y).
        foreach (var line in doc.Descendants(ns + "polyline"))
        {
            var ys = line.Attribute("points")!.Value.Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(ys.OrderByDescending(y => y), ys);
        }
    }
}
