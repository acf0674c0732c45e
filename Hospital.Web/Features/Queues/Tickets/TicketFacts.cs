using Microsoft.Extensions.Localization;

namespace Hospital.Web.Features.Queues.Tickets;

/// <summary>Small facts printed on tickets and queue lists.</summary>
public static class TicketFacts
{
    /// <summary>
    /// Age as clinics write it: whole years, or months under 6 years when the birth date is
    /// known (the under-6 priority and paediatric doses depend on it); from the birth year alone
    /// when that is all the patient knows.
    /// </summary>
    public static string AgeText(DateOnly? birthDate, int birthYear, DateOnly today, IStringLocalizer L)
    {
        if (birthDate is { } dob)
        {
            var months = Domain.Patients.PatientAge.Months(dob, today);
            if (months < 72) return string.Format(L["{0} tháng"], Math.Max(0, months));
            return string.Format(L["{0} tuổi"], months / 12);
        }
        return birthYear > 0 ? string.Format(L["{0} tuổi"], today.Year - birthYear) : "";
    }
}
