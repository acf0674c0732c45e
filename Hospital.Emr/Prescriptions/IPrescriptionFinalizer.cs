using Hospital.Domain.Clinical;
using Hospital.Domain.Data;

namespace Hospital.Emr.Prescriptions;

/// <summary>
/// Part of concluding a visit: checks the visit's draft prescriptions against the prescribing
/// rules (TT 26/2025), and when all pass issues each its national code and marks it signed, in
/// the context only (the conclusion saves). When any rule fails nothing is changed and the errors,
/// in Vietnamese, say what to fix.
/// </summary>
public interface IPrescriptionFinalizer
{
    Task<PrescriptionSigning> SignDraftsAsync(HospitalDbContext db, int visitId, CancellationToken ct = default);
}

public sealed record PrescriptionSigning(IReadOnlyList<string> Errors, IReadOnlyList<Prescription> Signed)
{
    public bool Ok => Errors.Count == 0;
}
