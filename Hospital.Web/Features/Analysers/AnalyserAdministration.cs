using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Analysers;

/// <summary>What a save of the admin form came to: the errors (Vietnamese), or the code map problems it saved despite.</summary>
public sealed record AnalyserSaveResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string? Name)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>
/// The admin screen's side of analysers (issue 5 item 8): analysers declared here are created and changed here; those
/// declared in configuration are read-only (configuration wins at every start). A save restarts the analyser's session,
/// so a changed port or a deactivation takes effect at once.
/// </summary>
public sealed class AnalyserAdministration(HospitalDbContext db, AnalyserConfigurationSync sync, AnalyserSessions sessions, IAuditUser user, TimeProvider clock)
{
    public Task<List<Analyser>> ListAsync(CancellationToken ct) => db.Set<Analyser>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);

    public Task<Analyser?> FindAsync(string name, CancellationToken ct) => db.Set<Analyser>().AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, ct);

    /// <summary>The code map as the form shows it, one <c>CODE=TEST</c> per line.</summary>
    public async Task<string> CodeMapAsync(string name, CancellationToken ct)
    {
        var rows = await db.Set<AnalyserTestCode>().AsNoTracking().Where(x => x.Analyser == name).OrderBy(x => x.AnalyserCode)
            .Select(x => new { x.AnalyserCode, x.LabTest!.Code }).ToListAsync(ct);
        return string.Join('\n', rows.Select(r => $"{r.AnalyserCode}={r.Code}"));
    }

    /// <summary>Creates (<paramref name="existingName"/> null) or changes an analyser declared in the admin screen.</summary>
    public async Task<AnalyserSaveResult> SaveAsync(string? existingName, AnalyserInput input, CancellationToken ct)
    {
        var definition = input.ToAnalyser(out var errors);
        var list = errors.ToList();
        var map = AnalyserCodeMap.Read(input.CodeMap);
        list.AddRange(map.Errors);
        // Here, unlike configuration, an unknown test is refused: the admin is looking at the form and can fix it now.
        var wanted = map.Entries.Select(e => e.TestCode).Distinct().ToList();
        var known = await db.Set<LabTest>().AsNoTracking().Where(t => wanted.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
        list.AddRange(map.Entries.Where(e => !known.Contains(e.TestCode, StringComparer.OrdinalIgnoreCase))
            .Select(e => $"Mã máy \"{e.AnalyserCode}\": không có xét nghiệm mã \"{e.TestCode}\" trong danh mục."));
        Analyser? row = null;
        if (existingName is not null)
        {
            row = await db.Set<Analyser>().FirstOrDefaultAsync(a => a.Name == existingName, ct);
            if (row is null) return new([$"Không tìm thấy máy \"{existingName}\"."], [], null);
            if (row.FromConfiguration) return new([$"Máy {row.Name} được khai báo trong cấu hình (Lis:Analysers), không sửa được ở đây: sửa cấu hình rồi khởi động lại."], [], null);
        }
        if (definition is not null && (existingName is null || !string.Equals(existingName, definition.Name, StringComparison.Ordinal))
            && await db.Set<Analyser>().AnyAsync(a => a.Name == definition.Name, ct))
            list.Add($"Đã có máy tên \"{definition.Name}\".");
        if (list.Count > 0 || definition is null) return new(list, [], null);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (row is null)
        {
            row = new Analyser();
            db.Add(row);
        }
        else if (row.Name != definition.Name)
        {
            // Renaming moves the code map with it; results and journal keep the old name they were received under.
            var codes = await db.Set<AnalyserTestCode>().Where(x => x.Analyser == row.Name).ToListAsync(ct);
            foreach (var c in codes) c.Analyser = definition.Name;
        }
        var oldName = row.Name;
        AnalyserInput.Copy(definition, row);
        row.FromConfiguration = false;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        var warnings = await sync.ReplaceCodeMapAsync(row.Name, input.CodeMap ?? "", null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (oldName.Length > 0 && oldName != row.Name) await sessions.RestartAsync(oldName, ct);
        await sessions.RestartAsync(row.Name, ct);
        return new([], warnings, row.Name);
    }
}
