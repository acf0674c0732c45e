using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Lis.Results;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Lis.Qc;

/// <summary>What the administrator typed for a QC target; numbers as typed (decimal point or comma).</summary>
public sealed record QcTargetInput(string? Analyser, string? ControlId, string? TestCode, string? Level, string? Mean, string? Sd);

/// <summary>
/// QC targets (giá trị đích nội kiểm) per analyser, control and test. A target is never edited: a
/// new lot or a recalculated mean is a new row, and the row it replaces is switched off with it, so
/// every stored violation can still be read against the target it was judged by.
/// </summary>
public sealed class QcTargetAdministration(HospitalDbContext db, TimeProvider clock)
{
    /// <summary>The active target of a series, the newest if several were left on.</summary>
    public static Task<QcTarget?> ActiveTargetAsync(HospitalDbContext db, string analyser, string controlId, int labTestId, CancellationToken ct) =>
        db.Set<QcTarget>().AsNoTracking()
            .Where(t => t.IsActive && t.Analyser == analyser && t.ControlId == controlId && t.LabTestId == labTestId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).FirstOrDefaultAsync(ct);

    /// <summary>Errors (Vietnamese) or none when added; an active target of the same series is switched off.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(QcTargetInput input, string user, CancellationToken ct)
    {
        var errors = new List<string>();
        var analyser = (input.Analyser ?? "").Trim();
        var control = (input.ControlId ?? "").Trim();
        var testCode = (input.TestCode ?? "").Trim();
        var level = string.IsNullOrWhiteSpace(input.Level) ? null : input.Level.Trim();
        if (analyser.Length is 0 or > 100) errors.Add("Nhập tên máy xét nghiệm (tối đa 100 ký tự).");
        if (control.Length is 0 or > 50) errors.Add("Nhập mã mẫu nội kiểm (tối đa 50 ký tự).");
        if (level?.Length > 50) errors.Add("Mức nội kiểm tối đa 50 ký tự.");
        var test = testCode.Length == 0 ? null
            : await db.Set<LabTest>().AsNoTracking().FirstOrDefaultAsync(t => t.IsActive && t.Code == testCode, ct);
        if (test is null) errors.Add(testCode.Length == 0 ? "Chọn xét nghiệm." : $"Không có xét nghiệm mã {testCode}.");
        var mean = Number(input.Mean);
        if (mean is null) errors.Add("Giá trị trung bình phải là một số.");
        var sd = Number(input.Sd);
        if (sd is null) errors.Add("Độ lệch chuẩn (SD) phải là một số.");
        else if (sd <= 0) errors.Add("Độ lệch chuẩn (SD) phải lớn hơn 0.");
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = await db.Set<QcTarget>()
            .Where(t => t.IsActive && t.Analyser == analyser && t.ControlId == control && t.LabTestId == test!.Id).ToListAsync(ct);
        foreach (var old in replaced) old.IsActive = false;
        db.Add(new QcTarget
        {
            Analyser = analyser, ControlId = control, LabTestId = test!.Id, Level = level,
            Mean = mean!.Value, Sd = sd!.Value, CreatedAt = now, CreatedBy = user,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Switches a target off; false when there is no such target.</summary>
    public async Task<bool> DeactivateAsync(int id, CancellationToken ct)
    {
        var target = await db.Set<QcTarget>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return false;
        if (!target.IsActive) return true;
        target.IsActive = false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A number as typed (decimal point or comma), within what the target columns hold.</summary>
    private static decimal? Number(string? text) =>
        LabValueReadings.ParseNumber(text ?? "") is { } n && Math.Abs(n) < 1_000_000_000_000m ? n : null;
}
