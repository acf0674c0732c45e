using Hospital.Emr.Exams;
using Hospital.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hospital.Web.Features.Clinic;

/// <summary>Services and endpoints of the Clinic feature folder: the doctor's exam page and its htmx parts.</summary>
public static class ClinicFeature
{
    public static IServiceCollection AddClinic(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ExamRecords>();
        services.AddScoped<VisitConclusion>();
        services.AddScoped<ExamAddenda>();
        return services;
    }

    public static void MapClinic(this WebApplication app)
    {
        var clinic = app.MapGroup("/clinic").RequireAuthorization(HospitalModule.Clinic).ExcludeFromDescription();
        // Autosave of the exam form (htmx, on change and after typing): stores the draft or says why not.
        clinic.MapPost("/visits/{visitId:int}/exam/draft", SaveDraftAsync);
        // The diagnosis picker's results (GET: changes nothing).
        clinic.MapGet("/icd10/search", (HttpContext ctx) => new RazorComponentResult<Icd10Results>(new Dictionary<string, object?>
        {
            [nameof(Icd10Results.Query)] = ctx.Request.Query["q"].ToString(),
            [nameof(Icd10Results.For)] = ctx.Request.Query["for"].ToString() == "secondary" ? "secondary" : "primary",
        }));
    }

    private static async Task<RazorComponentResult<AutosaveStatus>> SaveDraftAsync(int visitId, [FromForm] IFormCollection form,
        ExamRecords exams, HttpContext http)
    {
        var (draft, parseErrors) = ExamForm.Read(form);
        var result = parseErrors.Count > 0
            ? new DraftSave(draft.Revision, null, parseErrors)
            : await exams.SaveDraftAsync(visitId, draft, http.User.Identity?.Name ?? "", http.RequestAborted);
        return new RazorComponentResult<AutosaveStatus>(new Dictionary<string, object?> { [nameof(AutosaveStatus.Result)] = result });
    }
}
