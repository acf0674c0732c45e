namespace Hospital.Integration.Bhxh.Claims;

/// <summary>The small code lists of bhyt-claims.md §4.1 the validator checks against.</summary>
public static class ClaimCodeLists
{
    /// <summary>MA_LOAI_KCB of QĐ 824 App. 1 (01–10); QĐ 1804/2026 adds 11–16 from 01/08/2026 ⚠ (secondary source).</summary>
    public static bool IsVisitType(string? code, DateOnly endDate)
    {
        if (code is not { Length: 2 } || !int.TryParse(code, out var n)) return false;
        return n is >= 1 and <= 10 || (n is >= 11 and <= 16 && endDate >= new DateOnly(2026, 8, 1));
    }

    /// <summary>MA_LOAI_KCB whose episodes send XML5 progress notes (§1.2): 02, 03, 04, 05, 06, 08, 09.</summary>
    public static bool NeedsProgressNotes(string visitType) => visitType is "02" or "03" or "04" or "05" or "06" or "08" or "09";

    /// <summary>KET_QUA_DTRI 1–8 (8 = tử vong ngoại viện, added by QĐ 4750).</summary>
    public static bool IsOutcome(int? code) => code is >= 1 and <= 8;
    /// <summary>MA_LOAI_RV 1–5.</summary>
    public static bool IsDischargeKind(int code) => code is >= 1 and <= 5;
    public static bool IsSex(int code) => code is >= 1 and <= 3;
    /// <summary>MA_NHOM of XML2 rows: drugs in list, cancer/transplant drugs, drugs by rate, blood, blood products.</summary>
    public static bool IsDrugGroup(int group) => group is 4 or 5 or 6 or 7 or 17;
    /// <summary>MA_NHOM of XML3 rows: every other group of QĐ 5937 App. 3 (+19, QĐ 4750).</summary>
    public static bool IsServiceGroup(int group) => group is >= 1 and <= 19 && !IsDrugGroup(group);
    /// <summary>Supplies (VTYT): their THANH_TIEN_BV makes T_VTYT.</summary>
    public static bool IsSupplyGroup(int group) => group is 10 or 11;
    /// <summary>Groups whose rows need the performer (NGUOI_THUC_HIEN) and the performed time: lab, imaging, function tests, surgery, procedures.</summary>
    public static bool NeedsPerformer(int group) => group is 1 or 2 or 3 or 8 or 18;
    public static bool IsScope(int code) => code is >= 1 and <= 3;
    public static bool IsPaymentMethod(int code) => code is >= 1 and <= 3;
    public static bool IsDrugSource(int code) => code is >= 1 and <= 4;
}
