using Hospital.Domain.Data;
using Hospital.Domain.Text;

namespace Hospital.Domain.Patients;

/// <summary>Recording and voiding a patient's allergies; a voided one stays in the record with its reason.</summary>
public sealed class PatientAllergies(HospitalDbContext db)
{
    /// <summary>Null when added; otherwise the Vietnamese reason it was refused.</summary>
    public async Task<string?> AddAsync(int patientId, string? substance, string? reaction, AllergySeverity severity, ClerkAction by, CancellationToken ct = default)
    {
        var name = VietnameseText.Nfc(substance ?? "");
        if (name.Length == 0) return "Nhập tên thuốc hoặc chất gây dị ứng.";
        if (name.Length > 200) return "Tên chất gây dị ứng dài quá 200 ký tự.";
        if ((reaction?.Trim().Length ?? 0) > 500) return "Mô tả phản ứng dài quá 500 ký tự.";
        if (!Enum.IsDefined(severity)) return "Chọn mức độ dị ứng.";
        var patient = await db.Set<Patient>().AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.VoidedAt, p.MergedIntoId }).FirstOrDefaultAsync(ct);
        if (patient is null || patient.VoidedAt is not null) return "Không tìm thấy người bệnh.";
        if (patient.MergedIntoId is not null) return "Hồ sơ đã được gộp: ghi dị ứng vào hồ sơ còn lại.";
        var key = VietnameseText.SearchKey(name);
        if (await db.Set<PatientAllergy>().AnyAsync(a => a.PatientId == patientId && a.VoidedAt == null && a.SubstanceKey == key, ct))
            return $"Dị ứng \"{name}\" đã được ghi.";
        db.Add(new PatientAllergy
        {
            PatientId = patientId,
            Substance = name,
            SubstanceKey = key,
            Reaction = string.IsNullOrWhiteSpace(reaction) ? null : reaction.Trim(),
            Severity = severity,
            RecordedAt = by.NowUtc,
            RecordedBy = by.User,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> VoidAsync(int patientId, int allergyId, string? reason, ClerkAction by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Nhập lý do hủy ghi nhận dị ứng.";
        var allergy = await db.Set<PatientAllergy>().FirstOrDefaultAsync(a => a.Id == allergyId && a.PatientId == patientId, ct);
        if (allergy is null) return "Không tìm thấy ghi nhận dị ứng.";
        if (allergy.VoidedAt is not null) return "Ghi nhận dị ứng này đã được hủy.";
        allergy.VoidedAt = by.NowUtc;
        allergy.VoidedBy = by.User;
        allergy.VoidReason = reason.Trim().Length > 500 ? reason.Trim()[..500] : reason.Trim();
        await db.SaveChangesAsync(ct);
        return null;
    }
}
