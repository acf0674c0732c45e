using Bogus;

namespace Hospital.Web.Demo;

public static class DemoRandom
{
    /// <summary>
    /// Picks an item with probability proportional to its weight. Bogus' WeightedRandom expects
    /// weights that already sum to 1; relative weights read better in the demo tables.
    /// </summary>
    public static T Weighted<T>(this Randomizer random, IReadOnlyList<T> items, IReadOnlyList<float> weights)
    {
        if (items.Count == 0 || items.Count != weights.Count) throw new ArgumentException("Items and weights differ in length.");
        var total = 0d;
        foreach (var w in weights) total += w;
        var point = random.Double() * total;
        for (var i = 0; i < items.Count; i++)
        {
            point -= weights[i];
            if (point < 0) return items[i];
        }
        return items[^1];
    }
}
