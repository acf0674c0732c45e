using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Analysers;

/// <summary>What the start-up sync found wrong with one configured analyser (it may still have started).</summary>
public sealed record AnalyserConfigurationProblem(string Key, string? Analyser, string Message, bool Started);

/// <summary>
/// Makes the <c>analysers</c> table agree with configuration at start (issue 5 item 8): each valid
/// <c>Lis:Analysers:N</c> entry is inserted or overwritten (configuration wins, <see cref="Analyser.FromConfiguration"/>),
/// its <c>CodeMap</c>, when given, replaces that analyser's rows in <c>analyser_test_codes</c>; an analyser that left
/// the configuration is kept (its results name it) but deactivated and handed to the admin screen. Problems are
/// returned, never swallowed: a code naming a lab test we do not have is reported with the analyser.
/// </summary>
public sealed class AnalyserConfigurationSync(HospitalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AnalyserConfigurationProblem>> SyncAsync(IReadOnlyList<ConfiguredAnalyser> configured, CancellationToken ct)
    {
        var problems = new List<AnalyserConfigurationProblem>();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<Analyser>().ToListAsync(ct);
        var testIds = await db.Set<LabTest>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.OrdinalIgnoreCase, ct);
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in configured)
        {
            if (c.Definition is not { } d)
            {
                problems.AddRange(c.Errors.Select(e => new AnalyserConfigurationProblem(c.Key, c.Name, e, Started: false)));
                continue;
            }
            declared.Add(d.Name);
            var row = existing.FirstOrDefault(a => string.Equals(a.Name, d.Name, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                row = new Analyser();
                db.Add(row);
                existing.Add(row);
            }
            AnalyserInput.Copy(d, row);
            row.FromConfiguration = true;
            row.IsActive = true;
            row.UpdatedAt = now;
            row.UpdatedBy = "configuration";
            if (c.CodeMap is not null)
                problems.AddRange((await ReplaceCodeMapAsync(row.Name, c.CodeMap, testIds, ct)).Select(m => new AnalyserConfigurationProblem(c.Key, row.Name, m, Started: true)));
        }
        foreach (var gone in existing.Where(a => a.FromConfiguration && !declared.Contains(a.Name)))
        {
            gone.FromConfiguration = false;
            gone.IsActive = false;
            gone.UpdatedAt = now;
            gone.UpdatedBy = "configuration";
        }
        await db.SaveChangesAsync(ct);
        return problems;
    }

    /// <summary>Replaces the analyser's code map with the readable entries of <paramref name="text"/>; returns what was left out and why. The caller saves.</summary>
    public async Task<IReadOnlyList<string>> ReplaceCodeMapAsync(string analyser, string text, IReadOnlyDictionary<string, int>? testIds, CancellationToken ct)
    {
        testIds ??= await db.Set<LabTest>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.OrdinalIgnoreCase, ct);
        var reading = AnalyserCodeMap.Read(text);
        var problems = reading.Errors.ToList();
        var old = await db.Set<AnalyserTestCode>().Where(x => x.Analyser == analyser).ToListAsync(ct);
        db.RemoveRange(old);
        // Deleted in a save of their own: (analyser, code) is unique and a re-declared code must not collide with its old row.
        await db.SaveChangesAsync(ct);
        foreach (var e in reading.Entries)
        {
            if (testIds.TryGetValue(e.TestCode, out var id))
                db.Add(new AnalyserTestCode { Analyser = analyser, AnalyserCode = e.AnalyserCode, LabTestId = id });
            else
                problems.Add($"Mã máy \"{e.AnalyserCode}\" trỏ tới xét nghiệm \"{e.TestCode}\" không có trong danh mục: kết quả mã này sẽ vào hàng chờ chưa khớp.");
        }
        return problems;
    }
}
