namespace Hospital.Domain.Patients;

/// <summary>
/// What a clerk (reception form) or a kiosk (<c>POST /api/v1/patients</c>) submits for one
/// patient. Errors are keyed by <see cref="PatientFields"/>, the API contract's field names.
/// </summary>
public sealed class PatientInput
{
    public string? FullName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public int? BirthYear { get; set; }
    public Sex? Sex { get; set; }
    public string? Cccd { get; set; }
    public string? OldIdNumber { get; set; }
    public string? Phone { get; set; }
    public string? ProvinceCode { get; set; }
    public string? CommuneCode { get; set; }
    public string? AddressLine { get; set; }
    public string? EthnicityCode { get; set; }
    public string? NationalityCode { get; set; }
    public string? OccupationCode { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianPhone { get; set; }
    public string? GuardianRelation { get; set; }
    public string? GuardianCccd { get; set; }
    public string? BhytCardNumber { get; set; }
    public DateOnly? BhytValidFrom { get; set; }
    public DateOnly? BhytValidTo { get; set; }
    public string? BhytRegisteredFacilityCode { get; set; }
    public DateOnly? BhytFiveYearsFrom { get; set; }
    /// <summary>The clerk saw the "same name, birth date and commune" warning and saves anyway.</summary>
    public bool ConfirmDuplicate { get; set; }
}

/// <summary>Error keys: the field names of the API contract (issue 3), reused by the form.</summary>
public static class PatientFields
{
    public const string FullName = "fullName";
    public const string BirthDate = "birthDate";
    public const string BirthYear = "birthYear";
    public const string Sex = "sex";
    public const string Cccd = "cccd";
    public const string OldIdNumber = "oldIdNumber";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string ProvinceCode = "provinceCode";
    public const string CommuneCode = "communeCode";
    public const string EthnicityCode = "ethnicityCode";
    public const string NationalityCode = "nationalityCode";
    public const string OccupationCode = "occupationCode";
    public const string GuardianName = "guardianName";
    public const string GuardianPhone = "guardianPhone";
    public const string GuardianRelation = "guardianRelation";
    public const string GuardianCccd = "guardianCccd";
    public const string BhytCardNumber = "bhytCardNumber";
    public const string BhytValidFrom = "bhytValidFrom";
    public const string BhytValidTo = "bhytValidTo";
    public const string BhytPrimaryFacilityCode = "bhytPrimaryFacilityCode";
    public const string BhytFiveYearsFrom = "bhytFiveYearsFrom";
}

public enum DuplicateKind
{
    /// <summary>Another record has this CCCD: blocked.</summary>
    Cccd,
    /// <summary>Another record holds this card (same social-insurance number): blocked.</summary>
    BhytCard,
    /// <summary>Same name, birth date (or year) and commune: a warning the clerk may confirm.</summary>
    NameBirthCommune,
}

/// <summary>An existing patient the submitted one seems to be.</summary>
public sealed record DuplicatePatient(DuplicateKind Kind, int ExistingId, string ExistingCode, string ExistingName, string Message)
{
    public bool Blocking => Kind != DuplicateKind.NameBirthCommune;
}

/// <summary>Who acts and when: the Vietnamese calendar day decides ages and card validity.</summary>
public sealed record ClerkAction(string User, DateTime NowUtc, DateOnly Today);

public sealed class RegistrationResult
{
    public Patient? Patient { get; private init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();
    public DuplicatePatient? Duplicate { get; private init; }
    public bool NotFound { get; private init; }
    public bool Succeeded => Patient is not null;

    public static RegistrationResult Saved(Patient p) => new() { Patient = p };
    public static RegistrationResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new() { Errors = errors };
    public static RegistrationResult Invalid(string field, string message) => new() { Errors = new Dictionary<string, string[]> { [field] = [message] } };
    public static RegistrationResult DuplicateOf(DuplicatePatient d) => new() { Duplicate = d };
    public static RegistrationResult Missing() => new() { NotFound = true };
}
