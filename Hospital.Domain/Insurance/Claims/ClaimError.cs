namespace Hospital.Domain.Insurance.Claims;

/// <summary>
/// One reason a claim cannot be sent, as finance staff see it: the XML table and field it is about,
/// a Vietnamese sentence saying what is wrong, and the screen where the source data is fixed
/// (the patient, the visit, the exam, the staff entry, the catalog item...).
/// </summary>
public sealed record ClaimError(string Table, string Field, string Message, string? FixUrl);
