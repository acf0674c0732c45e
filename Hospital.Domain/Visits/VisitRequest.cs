namespace Hospital.Domain.Visits;

/// <summary>What reception (page, API, kiosk) asks for when registering an outpatient visit.</summary>
public sealed record VisitRequest
{
    public int PatientId { get; init; }
    public VisitKind Kind { get; init; }
    /// <summary>The room by id (page) or by code (API); the id wins when both are given.</summary>
    public int? RoomId { get; init; }
    public string? RoomCode { get; init; }
    public string? Reason { get; init; }
    public bool Emergency { get; init; }
    /// <summary>The clerk's choice; null means "use the suggestion" (<see cref="PrioritySuggestion"/>).</summary>
    public PriorityGroup? Priority { get; init; }
    /// <summary>How BHYT coverage was shown; ignored for other kinds.</summary>
    public CardPresentation CardPresentation { get; init; }
    public ReferralPaper? Referral { get; init; }
    public bool HasAppointmentSlip { get; init; }
}

/// <summary>
/// A referral paper (giấy chuyển cơ sở KCB, TT 01/2025/TT-BYT) as typed by the clerk. All empty
/// means no paper; once any part is filled in, the whole paper is checked.
/// </summary>
public sealed record ReferralPaper(
    string? FromFacilityCode,
    string? Number,
    string? DiagnosisCode,
    string? DiagnosisText,
    DateOnly? Date)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(FromFacilityCode) && string.IsNullOrWhiteSpace(Number)
        && string.IsNullOrWhiteSpace(DiagnosisCode) && string.IsNullOrWhiteSpace(DiagnosisText) && Date is null;
}

/// <summary>
/// Field names of <see cref="VisitRegistrationResult.Errors"/>: the API's JSON names, which the
/// page maps to its inputs. An empty key is a message about the whole request.
/// </summary>
public static class VisitFields
{
    public const string Whole = "";
    public const string PatientId = "patientId";
    public const string Kind = "kind";
    public const string Room = "roomCode";
    public const string Reason = "reason";
    public const string Priority = "priority";
    public const string ReferralFromFacilityCode = "referralFromFacilityCode";
    public const string ReferralNumber = "referralNumber";
    public const string ReferralDiagnosisCode = "referralDiagnosisCode";
    public const string ReferralDiagnosisText = "referralDiagnosisText";
    public const string ReferralDate = "referralDate";
}

public enum VisitRegistrationFailure { Invalid = 1, NotFound = 2, Conflict = 3 }

/// <summary>The visit as registered: what the ticket, the page and the API show.</summary>
public sealed record RegisteredVisit(
    int Id, string VisitCode, string MaLk, int TicketNumber, int RoomId, string RoomCode,
    PriorityGroup Priority, string? BenefitCategoryCode, decimal? PayableSharePercent, decimal ExamFee);

/// <summary>Either the registered visit or why nothing was stored (Vietnamese messages keyed by <see cref="VisitFields"/>).</summary>
public sealed record VisitRegistrationResult(
    RegisteredVisit? Visit,
    VisitRegistrationFailure? Failure,
    IReadOnlyDictionary<string, string> Errors,
    int? ExistingVisitId = null)
{
    public bool Succeeded => Visit is not null;

    public static VisitRegistrationResult Ok(RegisteredVisit visit) => new(visit, null, new Dictionary<string, string>());

    public static VisitRegistrationResult Fail(VisitRegistrationFailure failure, string field, string message, int? existingVisitId = null) =>
        new(null, failure, new Dictionary<string, string> { [field] = message }, existingVisitId);

    public static VisitRegistrationResult Fail(VisitRegistrationFailure failure, IReadOnlyDictionary<string, string> errors) =>
        new(null, failure, errors);
}
