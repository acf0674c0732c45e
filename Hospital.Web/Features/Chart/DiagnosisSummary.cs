using Hospital.Domain.Common;

namespace Hospital.Web.Features.Chart;

/// <summary>
/// The chart's "diagnoses so far": each ICD-10 code once, with how many exams named it and the
/// first and last day (Vietnam calendar). Codes are compared as written in the exam (the code set
/// in force on that day, vn-emr-rx.md §6: old codes are never rewritten).
/// </summary>
public static class DiagnosisSummary
{
    public sealed record Exam(DateTime StartedAtUtc, string? PrimaryCode, string? SecondaryCodes);

    /// <summary>The codes of MA_BENH_KT as stored (joined by ";").</summary>
    public static IReadOnlyList<string> Codes(string? joined) =>
        string.IsNullOrWhiteSpace(joined) ? [] : joined.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Most recent first; a code named twice in one exam counts once.</summary>
    public static IReadOnlyList<ChartDiagnosis> Of(IEnumerable<Exam> exams)
    {
        var byCode = new Dictionary<string, ChartDiagnosis>(StringComparer.OrdinalIgnoreCase);
        foreach (var exam in exams)
        {
            var day = DateOnly.FromDateTime(VietnamCalendar.ToLocal(exam.StartedAtUtc));
            var named = new List<(string Code, bool Primary)>();
            if (!string.IsNullOrWhiteSpace(exam.PrimaryCode)) named.Add((exam.PrimaryCode.Trim(), true));
            named.AddRange(Codes(exam.SecondaryCodes).Select(c => (c, false)));
            foreach (var (code, primary) in named.DistinctBy(n => n.Code.ToUpperInvariant()))
            {
                byCode[code] = byCode.TryGetValue(code, out var d)
                    ? d with
                    {
                        Times = d.Times + 1,
                        First = day < d.First ? day : d.First,
                        Last = day > d.Last ? day : d.Last,
                        EverPrimary = d.EverPrimary || primary,
                    }
                    : new ChartDiagnosis(code.ToUpperInvariant(), null, 1, day, day, primary);
            }
        }
        return byCode.Values.OrderByDescending(d => d.Last).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }
}
