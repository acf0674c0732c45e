using Hospital.Domain.Lab;

namespace Hospital.Lis.Specimens;

/// <summary>A test to collect, and the EMR order it was asked for by (none for orders made in the lab).</summary>
public sealed record PlannedTest(LabTest Test, long? ServiceOrderId);

/// <summary>One tube to draw: its specimen type and the tests it carries.</summary>
public sealed record PlannedSpecimen(SpecimenType SpecimenType, IReadOnlyList<PlannedTest> Tests);

/// <summary>
/// Splits an order's tests into tubes: one tube per specimen type (all EDTA tests share one
/// tube, all serum tests another), so the patient is pricked once per tube colour, not per test.
/// A test asked for twice in one order (in a panel and on its own) is measured once; the first
/// order that asked for it keeps it.
/// </summary>
public static class SpecimenGrouping
{
    public static IReadOnlyList<PlannedSpecimen> Group(IEnumerable<PlannedTest> tests)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return tests.Where(t => seen.Add(t.Test.Code))
            .GroupBy(t => t.Test.SpecimenType)
            .OrderBy(g => g.Key)
            .Select(g => new PlannedSpecimen(g.Key, g.ToList()))
            .ToList();
    }
}
