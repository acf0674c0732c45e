using Hospital.Domain.Lab;
using Hospital.Domain.Patients;

namespace Hospital.Lis.Catalog;

/// <summary>
/// Which reference range of a test applies to a patient: among the ranges whose age band holds the
/// patient's age, one for the patient's sex beats one for both sexes, and a narrower band beats a
/// wider one (a paediatric band written inside an "all ages" one wins). No match: no range, and the
/// result is printed without one rather than against an adult default.
/// </summary>
public static class ReferenceRangeSelection
{
    public static LabReferenceRange? For(IEnumerable<LabReferenceRange> ranges, Sex sex, int ageDays) =>
        ranges
            .Where(r => r.AgeFromDays <= ageDays && (r.AgeToDays is null || ageDays < r.AgeToDays))
            .Where(r => r.Sex is null || r.Sex == sex)
            .OrderBy(r => r.Sex is null ? 1 : 0)
            .ThenBy(r => (long)(r.AgeToDays ?? int.MaxValue) - r.AgeFromDays)
            .FirstOrDefault();

    /// <summary>
    /// Age in days on <paramref name="day"/>. With only a birth year, the middle of that year is
    /// taken: off by at most half a year, which matters only for infants, who have full dates of birth.
    /// </summary>
    public static int AgeDays(DateOnly? dateOfBirth, int birthYear, DateOnly day)
    {
        var born = dateOfBirth ?? new DateOnly(Math.Clamp(birthYear, 1, 9999), 7, 1);
        return Math.Max(0, day.DayNumber - born.DayNumber);
    }
}
