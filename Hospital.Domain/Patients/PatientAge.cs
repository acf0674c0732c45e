namespace Hospital.Domain.Patients;

/// <summary>
/// A patient's age on a day, for the priority groups (under 6, 75 and over), the guardian rule
/// and what screens and tickets print. Many elderly patients know only their birth year.
/// </summary>
public static class PatientAge
{
    /// <summary>
    /// Completed years. With only a birth year the age is the year difference, which may count a
    /// child born late in the year one year older than they are.
    /// </summary>
    public static int Years(DateOnly? dateOfBirth, int birthYear, DateOnly day)
    {
        if (dateOfBirth is not { } d) return day.Year - birthYear;
        var age = day.Year - d.Year;
        return d.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Completed months since birth (clinicians count small children's age in months).</summary>
    public static int Months(DateOnly dateOfBirth, DateOnly day) =>
        (day.Year - dateOfBirth.Year) * 12 + day.Month - dateOfBirth.Month - (day.Day < dateOfBirth.Day ? 1 : 0);
}
