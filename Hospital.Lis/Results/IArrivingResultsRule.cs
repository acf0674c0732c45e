using Hospital.Domain.Data;
using Hospital.Domain.Lab;

namespace Hospital.Lis.Results;

/// <summary>
/// A check run on patient results as the import stores them, inside its transaction and before
/// its save (delta check, auto-verification): what the rule sets on the rows is committed with
/// them, before the analyser gets its ACK.
/// </summary>
public interface IArrivingResultsRule
{
    Task ApplyAsync(HospitalDbContext db, IReadOnlyList<LabResult> arriving, CancellationToken ct);
}

/// <summary>A check run on QC results as the import stores them (Westgard rules against the control's target), like <see cref="IArrivingResultsRule"/>.</summary>
public interface IArrivingQcRule
{
    Task ApplyAsync(HospitalDbContext db, IReadOnlyList<QcResult> arriving, CancellationToken ct);
}
