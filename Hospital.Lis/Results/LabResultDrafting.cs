using Hospital.Domain.Lab;
using Hospital.Domain.Patients;
using Hospital.Lis.Catalog;

namespace Hospital.Lis.Results;

/// <summary>Whose specimen it is, as far as reference ranges care: sex and age in days when the specimen was collected.</summary>
public sealed record SpecimenPatient(Sex Sex, int AgeDays)
{
    public static SpecimenPatient Of(Patient patient, Specimen specimen, DateTime nowUtc) =>
        new(patient.Sex, ReferenceRangeSelection.AgeDays(patient.DateOfBirth, patient.BirthYear,
            Domain.Common.VietnamCalendar.DateOf(specimen.CollectedAt ?? nowUtc)));
}

/// <summary>
/// Puts a new value on an ordered test, the one way every path does it (analyser import, assignment
/// of an unmatched result, typing by hand): the patient's reference range and flag are fixed on the
/// row as they were when it arrived, the test's current value becomes history
/// (<see cref="LabResult.SupersededAt"/>), and the test is Resulted. Changes are made in the
/// context; the caller saves.
/// </summary>
public static class LabResultDrafting
{
    /// <param name="current">The order test's current result (no SupersededAt), if any; it is superseded.</param>
    /// <param name="test">The catalog test with its <see cref="LabTest.Ranges"/> loaded.</param>
    public static LabResult Draft(LabOrderTest orderTest, Specimen specimen, LabTest test, SpecimenPatient patient, LabResult? current,
        string value, string? unit, string? analyserFlags, DateTime nowUtc)
    {
        var range = ReferenceRangeSelection.For(test.Ranges, patient.Sex, patient.AgeDays);
        var reading = LabValueReadings.Read(test, range, value, analyserFlags);
        if (current is not null) current.SupersededAt = nowUtc;
        if (orderTest.Status is not (LabTestStatus.Cancelled))
        {
            orderTest.Status = LabTestStatus.Resulted;
            orderTest.StatusChangedAt = nowUtc;
        }
        return new LabResult
        {
            LabOrderTestId = orderTest.Id,
            SpecimenId = specimen.Id,
            PatientId = specimen.PatientId,
            LabTestId = test.Id,
            TestCode = test.Code,
            Value = value.Trim(),
            NumericValue = reading.Number,
            Unit = string.IsNullOrWhiteSpace(unit) ? test.Unit : unit.Trim(),
            ReferenceRange = reading.ReferenceRange,
            Flag = reading.Flag,
            AnalyserFlags = string.IsNullOrWhiteSpace(analyserFlags) ? null : analyserFlags.Trim(),
            ReceivedAt = nowUtc,
            Status = LabResultStatus.Pending,
        };
    }
}
