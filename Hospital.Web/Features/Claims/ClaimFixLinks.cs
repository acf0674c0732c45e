using Hospital.Domain.Insurance.Claims;
using Hospital.Integration.Bhxh.Claims;

namespace Hospital.Web.Features.Claims;

/// <summary>
/// Turns the validator's findings into the <see cref="ClaimError"/>s finance staff see, each with the
/// screen that fixes its source data: the patient, the visit (arrival, card, category), the exam
/// (diagnoses, outcome, weight, papers), the charge lines of the statement, the staff CCHN list, the
/// portal catalogue, the facility settings.
/// </summary>
public static class ClaimFixLinks
{
    public static ClaimError ToError(ClaimFinding f, ClaimSources s) => new(f.Table, f.Field, f.Message, UrlOf(f, s));

    public static string? UrlOf(ClaimFinding f, ClaimSources s) => f.Source switch
    {
        ClaimFixSource.Patient => $"/reception/patients/{s.PatientId}/edit",
        ClaimFixSource.Visit => $"/reception/visits/{s.VisitId}",
        ClaimFixSource.Exam => $"/clinic/visits/{s.VisitId}/exam",
        ClaimFixSource.Charge => $"/billing/visits/{s.VisitId}",
        ClaimFixSource.Staff => f.SourceKey is { Length: > 0 } id ? $"/insurance/staff/{id}" : "/insurance/staff",
        ClaimFixSource.CatalogItem => (f.Table == DrugTable.Type ? "/insurance/drugs" : "/insurance") + "?q=" + Uri.EscapeDataString(f.SourceKey ?? ""),
        ClaimFixSource.Facility => "/admin/facility",
        _ => null,
    };
}
