namespace Hospital.Integration.Bhxh.Claims;

/// <summary>The kind of source data a finding is fixed in; the web layer turns it into a link.</summary>
public enum ClaimFixSource
{
    /// <summary>The patient record (name, birth date, address, ethnicity...).</summary>
    Patient,
    /// <summary>The visit: arrival, reason, the card snapshot and the benefit category.</summary>
    Visit,
    /// <summary>The exam: diagnoses, outcome, weight, referral and appointment.</summary>
    Exam,
    /// <summary>A charge line of the visit (quantity, prices, times, department).</summary>
    Charge,
    /// <summary>A staff entry's practising-certificate code (CCHN); <see cref="ClaimFinding.SourceKey"/> = staff id.</summary>
    Staff,
    /// <summary>An item of the portal catalogue (service, drug, supply); <see cref="ClaimFinding.SourceKey"/> = its code.</summary>
    CatalogItem,
    /// <summary>The facility settings (MACSKCB) or a department's BHYT code.</summary>
    Facility,
}

/// <summary>One reason the claim cannot be sent: table and field, a Vietnamese sentence, and where to fix it.</summary>
public sealed record ClaimFinding(string Table, string Field, string Message, ClaimFixSource Source, string? SourceKey = null);

/// <summary>Validity of one item of the facility's approved portal catalogue (forms 01–06/DM, TT 12/2026).</summary>
public sealed record CatalogValidity(DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>
/// What the validator checks codes against: the facility's approved services, drugs and supplies with
/// their validity, and the MA_DOITUONG_KCB codes in force (QĐ 3276, dated rule data).
/// </summary>
public sealed class ClaimCatalog(
    IReadOnlyDictionary<string, CatalogValidity> services,
    IReadOnlyDictionary<string, CatalogValidity> drugs,
    IReadOnlyDictionary<string, CatalogValidity> supplies,
    IReadOnlySet<string> benefitCategories)
{
    public bool KnowsService(string code, DateOnly day) => services.TryGetValue(code, out var v) && v.Covers(day);
    public bool KnowsDrug(string code, DateOnly day) => drugs.TryGetValue(code, out var v) && v.Covers(day);
    public bool KnowsSupply(string code, DateOnly day) => supplies.TryGetValue(code, out var v) && v.Covers(day);
    public bool KnowsBenefitCategory(string code) => benefitCategories.Contains(code);
}
