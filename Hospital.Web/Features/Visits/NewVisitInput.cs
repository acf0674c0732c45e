using Hospital.Domain.Visits;

namespace Hospital.Web.Features.Visits;

/// <summary>The registration form's fields (names "Input.X" in the posted form).</summary>
public sealed class NewVisitInput
{
    public VisitKind Kind { get; set; } = VisitKind.Fee;
    public CardPresentation CardPresentation { get; set; } = CardPresentation.BhytCard;
    public int? RoomId { get; set; }
    public string? Reason { get; set; }
    public bool Emergency { get; set; }
    public PriorityGroup Priority { get; set; }
    public string? ReferralFromFacilityCode { get; set; }
    public string? ReferralNumber { get; set; }
    public string? ReferralDiagnosisCode { get; set; }
    public string? ReferralDiagnosisText { get; set; }
    public DateOnly? ReferralDate { get; set; }
    public bool HasAppointmentSlip { get; set; }

    public VisitRequest ToRequest(int patientId) => new()
    {
        PatientId = patientId,
        Kind = Kind,
        RoomId = RoomId,
        Reason = Reason,
        Emergency = Emergency,
        Priority = Priority,
        CardPresentation = Kind == VisitKind.Bhyt ? CardPresentation : CardPresentation.None,
        HasAppointmentSlip = HasAppointmentSlip,
        Referral = new ReferralPaper(ReferralFromFacilityCode, ReferralNumber, ReferralDiagnosisCode, ReferralDiagnosisText, ReferralDate),
    };

    /// <summary>The input each error field of <see cref="VisitFields"/> is shown under.</summary>
    public static string PropertyFor(string field) => field switch
    {
        VisitFields.Kind => nameof(Kind),
        VisitFields.Room => nameof(RoomId),
        VisitFields.Reason => nameof(Reason),
        VisitFields.Priority => nameof(Priority),
        VisitFields.ReferralFromFacilityCode => nameof(ReferralFromFacilityCode),
        VisitFields.ReferralNumber => nameof(ReferralNumber),
        VisitFields.ReferralDiagnosisCode => nameof(ReferralDiagnosisCode),
        VisitFields.ReferralDiagnosisText => nameof(ReferralDiagnosisText),
        VisitFields.ReferralDate => nameof(ReferralDate),
        _ => "",
    };
}
