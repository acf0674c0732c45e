using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// One line as the doctor enters it. <see cref="Form"/> is null for "the drug's own form";
/// <see cref="Containers"/> is the number of bottles/tubes for container units (<see cref="PrescriptionQuantity"/>).
/// </summary>
public sealed record PrescriptionLineInput(
    int DrugId,
    decimal DosePerTime,
    int TimesPerDay,
    int Days,
    decimal? Containers = null,
    string? Route = null,
    string? Timing = null,
    string? Usage = null,
    string? AllergyOverrideReason = null,
    PrescriptionForm? Form = null);

/// <summary>The prescription's own fields: advice (lời dặn) and, for children under 72 months, weight and guardian.</summary>
public sealed record PrescriptionHeaderInput(
    string? Advice = null,
    decimal? WeightKg = null,
    string? GuardianName = null,
    string? GuardianPhone = null,
    string? GuardianAddress = null);

/// <summary>What a writing action did: nothing stored when <see cref="Errors"/> is not empty.</summary>
public sealed record PrescriptionWriteResult(IReadOnlyList<string> Errors, IReadOnlyList<AllergyConflict> AllergyConflicts, int? LineId = null)
{
    public bool Ok => Errors.Count == 0;
    public static PrescriptionWriteResult Refused(params string[] errors) => new(errors, []);
}
