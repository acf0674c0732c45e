using AngleSharp.Html.Dom;
using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Emr.Exams;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Clinic;

/// <summary>A patient in a demo room's queue whose exam the signed-in doctor started from the worklist.</summary>
internal static class ClinicTestKit
{
    public static string ExamUrl(int visitId) => $"/clinic/visits/{visitId}/exam";
    public static string DraftUrl(int visitId) => $"/clinic/visits/{visitId}/exam/draft";

    /// <summary>Adds a ticket to PK01, presses "start exam" on the queue page; returns the ticket and the response (a redirect to the exam).</summary>
    public static async Task<(QueueTicket Ticket, HttpResponseMessage Response)> StartFromQueueAsync(HospitalAppFactory app, WebSession doctor,
        string name = "Nguyễn Văn Khám", string room = "PK01")
    {
        var ticket = await QueueWebKit.AddTicketAsync(app, room, name);
        var (_, queue) = await doctor.GetPageAsync($"/clinic/rooms/{room}/queue");
        var response = await doctor.SubmitAsync(queue, "#queue-action", new Dictionary<string, string> { ["op"] = $"start:{ticket.Id}" },
            $"/clinic/rooms/{room}/queue");
        return (ticket, response);
    }

    public static async Task<IHtmlDocument> ExamPageAsync(WebSession doctor, int visitId) => (await doctor.GetPageAsync(ExamUrl(visitId))).Page;

    /// <summary>Posts the exam form to the autosave endpoint with the page's hidden fields (token, revision) and <paramref name="fields"/>.</summary>
    public static async Task<IHtmlDocument> AutosaveAsync(WebSession doctor, IHtmlDocument page, int visitId, Dictionary<string, string> fields)
    {
        var response = await doctor.SubmitAsync(page, "#exam-form", fields, DraftUrl(visitId));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"autosave: {(int)response.StatusCode} {html}");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>Presses a button of the exam form (op = save, conclude, wait-results, reopen).</summary>
    public static Task<HttpResponseMessage> PressAsync(WebSession doctor, IHtmlDocument page, int visitId, string op, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["op"] = op };
        return doctor.SubmitAsync(page, "#exam-form", values, ExamUrl(visitId));
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<(ExamRecord? Exam, List<VitalSigns> Vitals, Visit Visit, QueueTicket? Ticket)> LoadAsync(HospitalAppFactory app, int visitId)
    {
        await using var db = app.Database.NewContext();
        var exam = await db.Set<ExamRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.VisitId == visitId);
        var vitals = await db.Set<VitalSigns>().AsNoTracking().Where(v => v.VisitId == visitId).ToListAsync();
        var visit = await db.Set<Visit>().AsNoTracking().SingleAsync(v => v.Id == visitId);
        var ticket = await db.Set<QueueTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.VisitId == visitId);
        return (exam, vitals, visit, ticket);
    }

    public static async Task AddAllergyAsync(HospitalAppFactory app, int visitId, string substance)
    {
        await using var db = app.Database.NewContext();
        var patientId = await db.Set<Visit>().Where(v => v.Id == visitId).Select(v => v.PatientId).SingleAsync();
        db.Add(new PatientAllergy
        {
            PatientId = patientId, Substance = substance, SubstanceKey = Hospital.Domain.Text.VietnameseText.SearchKey(substance),
            RecordedAt = DateTime.UtcNow, RecordedBy = "nurse",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Concludes through <see cref="VisitConclusion"/> as the demo doctor, signing with the real issuer and
    /// the doctor's demo certificate (its PKCS#12 password is the demo password), in a request-like scope.
    /// </summary>
    public static async Task<ConclusionResult> ConcludeAsync(HospitalAppFactory app, int visitId, ExamDraft draft, string password = HospitalAppFactory.Password)
    {
        using var scope = app.Services.CreateScope();
        var issuer = Documents.DocumentTestKit.Issuer(await Documents.DocumentTestKit.UserAsync(app));
        var conclusion = ActivatorUtilities.CreateInstance<VisitConclusion>(scope.ServiceProvider, issuer);
        return await conclusion.ConcludeAsync(visitId, draft, password, "doctor");
    }

    public static async Task<ExamDraft> StoredDraftAsync(HospitalAppFactory app, int visitId)
    {
        var (exam, vitals, _, _) = await LoadAsync(app, visitId);
        return ExamDraft.From(exam!, vitals.OrderByDescending(v => v.MeasuredAt).FirstOrDefault());
    }
}
