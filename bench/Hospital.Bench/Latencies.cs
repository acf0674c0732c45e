using System.Diagnostics;
using System.Globalization;

namespace Hospital.Bench;

/// <summary>Collects per-operation latencies and reports percentiles (nearest-rank).</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();

    public string Name { get; } = name;
    public int Count => _ms.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await operation();
        Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public void Add(double ms)
    {
        lock (_gate) _ms.Add(ms);
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public string Row(Latencies? baseline) => string.Format(CultureInfo.InvariantCulture,
        "  {0,-44} n={1,6}  p50 {2,8:F2} ms  p95 {3,8:F2} ms  p99 {4,8:F2} ms{5}",
        Name, Count, Percentile(50), Percentile(95), Percentile(99),
        baseline is null ? "   (baseline)" : string.Format(CultureInfo.InvariantCulture, "   p95 = {0,6:F1} x baseline", Percentile(95) / baseline.Percentile(95)));
}
