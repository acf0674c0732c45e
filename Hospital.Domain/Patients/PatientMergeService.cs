using Hospital.Domain.Data;

namespace Hospital.Domain.Patients;

/// <summary>
/// An administrator's merge of record B (<c>merged</c>) into record A (<c>survivor</c>) when both
/// describe one person. Nothing moves: B keeps its visits, cards and trail, gets
/// <see cref="Patient.MergedIntoId"/> and drops out of search; a <see cref="PatientMerge"/> row
/// says who decided and why. Both rows are audited by the interceptor in one transaction.
/// </summary>
public sealed class PatientMergeService(HospitalDbContext db)
{
    /// <summary>Null when merged; otherwise the Vietnamese reason it was refused.</summary>
    public async Task<string?> MergeAsync(int survivorId, int mergedId, string? reason, ClerkAction by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Nhập lý do gộp hồ sơ.";
        if (reason.Trim().Length > 500) return "Lý do gộp dài quá 500 ký tự.";
        if (survivorId == mergedId) return "Không thể gộp một hồ sơ vào chính nó.";
        var survivor = await db.Set<Patient>().FirstOrDefaultAsync(p => p.Id == survivorId, ct);
        var merged = await db.Set<Patient>().FirstOrDefaultAsync(p => p.Id == mergedId, ct);
        if (survivor is null || survivor.VoidedAt is not null) return "Không tìm thấy hồ sơ giữ lại.";
        if (merged is null || merged.VoidedAt is not null) return "Không tìm thấy hồ sơ cần gộp.";
        if (survivor.MergedIntoId is not null) return $"Hồ sơ {survivor.Code} đã được gộp vào hồ sơ khác: không thể gộp vào nó.";
        if (merged.MergedIntoId is not null) return $"Hồ sơ {merged.Code} đã được gộp trước đó.";
        // A record others were merged into stays the survivor for them; merging it away would hide them.
        if (await db.Set<Patient>().AnyAsync(p => p.MergedIntoId == merged.Id, ct))
            return $"Đã có hồ sơ khác được gộp vào {merged.Code}: hãy chọn {merged.Code} là hồ sơ giữ lại.";

        merged.MergedIntoId = survivor.Id;
        merged.UpdatedAt = by.NowUtc;
        db.Add(new PatientMerge { SurvivorId = survivor.Id, MergedId = merged.Id, Reason = reason.Trim(), MergedAt = by.NowUtc, MergedBy = by.User });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
