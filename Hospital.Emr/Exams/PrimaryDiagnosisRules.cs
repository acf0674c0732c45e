using Hospital.Domain.Catalog;
using Hospital.Domain.Patients;

namespace Hospital.Emr.Exams;

/// <summary>Errors block the conclusion; warnings are shown and the doctor may go on.</summary>
public sealed record DiagnosisCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Which ICD-10 codes may stand as the main diagnosis (MA_BENH_CHINH) and as secondary ones
/// (MA_BENH_KT), per the flag columns of the Ministry list (vn-emr-rx.md §6: col 24 not as main,
/// col 25 discouraged, col 26 forbidden everywhere, col 27 cause of death only, col 28/29 one sex,
/// a warning) and the ICD-10 dagger/asterisk convention (an asterisk code names a manifestation
/// and only ever follows its dagger code). The code set is the one valid on the visit date.
/// </summary>
public static class PrimaryDiagnosisRules
{
    /// <summary>XML1 carries at most 12 secondary codes joined by ";" (QĐ 130, MA_BENH_KT).</summary>
    public const int MaxSecondary = 12;

    /// <param name="catalog">The entered codes found in the catalog, by code (missing ones absent).</param>
    public static DiagnosisCheck Check(string? primaryCode, IReadOnlyList<string> secondaryCodes,
        IReadOnlyDictionary<string, Icd10Code> catalog, DateOnly visitDate, Sex patientSex)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var primary = (primaryCode ?? "").Trim();
        if (primary.Length == 0)
            errors.Add("Chưa có chẩn đoán chính (mã ICD-10).");
        else if (Known(primary, catalog, visitDate, errors) is { } code)
        {
            switch (EffectiveUse(code))
            {
                case Icd10PrimaryUse.NotAsPrimary:
                    errors.Add(IsAsterisk(code.Code)
                        ? $"Mã {code.Code} là mã dấu sao (*), chỉ biểu hiện của bệnh: không dùng làm chẩn đoán chính; ghi mã dấu găm (†) của bệnh làm chẩn đoán chính."
                        : $"Mã {code.Code} không được dùng làm chẩn đoán chính (theo danh mục ICD-10 của Bộ Y tế); ghi mã bệnh hoặc tổn thương làm chẩn đoán chính.");
                    break;
                case Icd10PrimaryUse.Forbidden:
                    errors.Add($"Mã {code.Code} không được sử dụng (theo danh mục ICD-10 của Bộ Y tế).");
                    break;
                case Icd10PrimaryUse.CauseOfDeathOnly:
                    errors.Add($"Mã {code.Code} chỉ dùng để ghi nguyên nhân tử vong, không dùng làm chẩn đoán chính.");
                    break;
                case Icd10PrimaryUse.Discouraged:
                    warnings.Add($"Mã {code.Code} không khuyến khích dùng làm chẩn đoán chính; nên ghi mã cụ thể hơn nếu có.");
                    break;
            }
            SexWarning(code, patientSex, warnings);
        }

        if (secondaryCodes.Count > MaxSecondary)
            errors.Add($"Tối đa {MaxSecondary} mã bệnh kèm theo (đang có {secondaryCodes.Count}).");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { primary };
        foreach (var raw in secondaryCodes)
        {
            var entered = raw.Trim();
            if (entered.Length == 0) continue;
            if (!seen.Add(entered))
            {
                errors.Add($"Mã {entered} bị ghi trùng trong chẩn đoán.");
                continue;
            }
            if (Known(entered, catalog, visitDate, errors) is not { } code) continue;
            if (EffectiveUse(code) == Icd10PrimaryUse.Forbidden)
                errors.Add($"Mã {code.Code} không được sử dụng (theo danh mục ICD-10 của Bộ Y tế).");
            SexWarning(code, patientSex, warnings);
        }
        return new DiagnosisCheck(errors, warnings);
    }

    /// <summary>
    /// The flag as stored, except that an asterisk code is never main whatever the list said
    /// (lists imported without the flag columns leave it Allowed).
    /// </summary>
    public static Icd10PrimaryUse EffectiveUse(Icd10Code code) =>
        IsAsterisk(code.Code) && code.PrimaryUse == Icd10PrimaryUse.Allowed ? Icd10PrimaryUse.NotAsPrimary : code.PrimaryUse;

    public static bool IsAsterisk(string code) => code.TrimEnd().EndsWith('*');

    /// <summary>Splits MA_BENH_KT ("E78.0;I25.1") into its codes.</summary>
    public static IReadOnlyList<string> SplitCodes(string? joined) =>
        (joined ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Icd10Code? Known(string entered, IReadOnlyDictionary<string, Icd10Code> catalog, DateOnly day, List<string> errors)
    {
        if (!catalog.TryGetValue(entered, out var code))
        {
            errors.Add($"Không có mã {entered} trong danh mục ICD-10.");
            return null;
        }
        if (!code.IsValidOn(day))
        {
            errors.Add($"Mã {code.Code} không còn hiệu lực vào ngày khám {day:dd/MM/yyyy}.");
            return null;
        }
        return code;
    }

    private static void SexWarning(Icd10Code code, Sex patientSex, List<string> warnings)
    {
        if (code.SexRestriction is { } only && patientSex is Sex.Male or Sex.Female && only != patientSex)
            warnings.Add($"Mã {code.Code} thường chỉ dùng cho người bệnh {(only == Sex.Female ? "nữ" : "nam")}; kiểm tra lại giới tính hoặc mã bệnh.");
    }
}
