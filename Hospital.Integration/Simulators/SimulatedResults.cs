using System.Globalization;

namespace Hospital.Integration.Simulators;

/// <summary>One test an analyser profile can run: its code on the wire, unit, reference interval and decimals.</summary>
public sealed record SimulatedTest(string Code, string Unit, double Low, double High, int Decimals, string Name = "")
{
    /// <summary>The reference range as analysers write it (<c>4.0-10.0</c>).</summary>
    public string Range => $"{Format(Low)}-{Format(High)}";

    public string Format(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>One result as the simulator will send it (value already formatted; flag H, L or N).</summary>
public sealed record SimulatedResult(SimulatedTest Test, string Value, string Flag);

/// <summary>One specimen (or QC material) with its results.</summary>
/// <param name="Barcode">The specimen barcode, or for QC the control material name.</param>
/// <param name="Comment">An optional free-text comment sent with the order (long ones test multi-frame records).</param>
public sealed record SimulatedSample(string Barcode, IReadOnlyList<SimulatedResult> Results, string Comment = "", bool QualityControl = false, string ControlLot = "");

/// <summary>
/// Plausible results from a seeded random source: most values inside the reference interval, about one in six
/// outside it and flagged H or L, so demos and tests see flags; the same seed always gives the same values.
/// </summary>
public sealed class SimulatedResultGenerator(int seed = 1)
{
    private readonly Random _random = new(seed);

    /// <summary>Results for <paramref name="tests"/> (all of the profile's menu when empty) on one specimen.</summary>
    public SimulatedSample Sample(string barcode, IReadOnlyList<SimulatedTest> tests, string comment = "")
    {
        if (string.IsNullOrWhiteSpace(barcode)) throw new ArgumentException("A simulated sample needs a barcode.", nameof(barcode));
        return new SimulatedSample(barcode, tests.Select(Result).ToList(), comment);
    }

    /// <summary>A QC run: control material <paramref name="material"/>, values close to the middle of each interval (flag N).</summary>
    public SimulatedSample QualityControl(string material, string lot, IReadOnlyList<SimulatedTest> tests)
    {
        var results = tests.Select(t =>
        {
            var mid = (t.Low + t.High) / 2;
            var value = mid + (t.High - t.Low) * 0.05 * Gaussian();
            return new SimulatedResult(t, t.Format(Math.Max(0, value)), "N");
        }).ToList();
        return new SimulatedSample(material, results, QualityControl: true, ControlLot: lot);
    }

    private SimulatedResult Result(SimulatedTest t)
    {
        var mid = (t.Low + t.High) / 2;
        var half = (t.High - t.Low) / 2;
        // Normal around the middle with sigma = half the interval / 1.4: about 16% fall outside.
        var value = Math.Max(0, mid + half / 1.4 * Gaussian());
        var text = t.Format(value);
        var shown = double.Parse(text, CultureInfo.InvariantCulture);
        var flag = shown > t.High ? "H" : shown < t.Low ? "L" : "N";
        return new SimulatedResult(t, text, flag);
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
