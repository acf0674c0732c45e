using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;

namespace Hospital.Emr.Prescriptions;

/// <summary>The outcome of checking one line: refusals, and allergy conflicts (blocking unless overridden with a reason).</summary>
public sealed record LineCheck(IReadOnlyList<string> Errors, IReadOnlyList<AllergyConflict> AllergyConflicts);

/// <summary>
/// The prescribing rules applied together to one line or one prescription of a visit, the same way
/// when the doctor writes a line (<see cref="PrescriptionWriting"/>) and when the visit is concluded
/// (<see cref="PrescriptionFinalizer"/>), since diagnoses and allergies may change in between.
/// </summary>
public static class PrescriptionChecks
{
    public const int OverrideReasonMaxLength = 500;

    public static LineCheck Line(PrescriptionVisit visit, string drugName, string activeIngredient, DrugControlClass controlClass,
        PrescriptionForm? requestedForm, int days, string? overrideReason, PrescriptionLine? self, DateOnly day, PrescribingRuleTables rules)
    {
        var errors = new List<string>();
        if (PrescriptionFormRules.Check(drugName, controlClass, requestedForm) is { } formError) errors.Add(formError);
        var form = PrescriptionFormRules.FormFor(controlClass);
        if (PrescriptionDayLimits.Check(drugName, days, PrescriptionDayLimits.Decide(form, [.. visit.DiagnosisCodes], day, rules)) is { } daysError)
            errors.Add(daysError);
        var others = visit.Lines.Where(x => !ReferenceEquals(x.Line, self))
            .Select(x => (x.Line.DrugName, x.Line.ActiveIngredient));
        if (DuplicateIngredientCheck.Check(drugName, activeIngredient, others) is { } duplicate) errors.Add(duplicate);

        var conflicts = AllergyCheck.Conflicts(activeIngredient, visit.AllergyKeys, rules.AllergyClasses);
        if (conflicts.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
            errors.AddRange(conflicts.Select(c => c.Describe(drugName) + " Không kê được trừ khi bác sĩ ghi lý do vẫn chỉ định."));
        if ((overrideReason?.Trim().Length ?? 0) > OverrideReasonMaxLength) errors.Add($"Lý do vẫn chỉ định dài quá {OverrideReasonMaxLength} ký tự.");
        return new LineCheck(errors, conflicts);
    }

    /// <summary>The child fields when the patient is under 72 months on <paramref name="day"/>; empty otherwise.</summary>
    public static IReadOnlyList<string> Child(PrescriptionVisit visit, decimal? weightKg, string? guardianName, string? guardianPhone, string? guardianAddress, DateOnly day) =>
        ChildPrescriptionRules.Applies(visit.Patient.DateOfBirth, visit.Patient.BirthYear, day)
            ? ChildPrescriptionRules.Check(weightKg, guardianName, guardianPhone, guardianAddress)
            : [];
}
