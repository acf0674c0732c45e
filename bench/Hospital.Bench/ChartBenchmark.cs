using System.Net;
using System.Text.RegularExpressions;
using Hospital.Domain.Audit;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Web.Features.Chart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Bench;

/// <summary>
/// Opening one patient's chart, one doctor at a time, each run in a fresh DI scope as a request
/// would: the same <see cref="ChartQueries.LoadAsync"/> the page calls, then the same plus the
/// "opened record" audit row, then (when the app listens) the whole signed-in page over HTTP.
/// Baseline: the patient by primary key through the same scope set-up.
/// </summary>
public static partial class ChartBenchmark
{
    public sealed record Outcome(IReadOnlyList<Latencies> Measured, Latencies Baseline, int Visits, int Documents);

    public static async Task<Outcome> RunAsync(IServiceProvider services, int patientId, int runs, string? baseUrl, string password)
    {
        var queries = new Latencies("chart queries (ChartQueries.LoadAsync)");
        var withAudit = new Latencies("chart queries + Open audit row");
        var page = new Latencies("GET /clinic/patients/{id}/chart (HTTP, signed in)");
        var export = new Latencies("HoSoBenhAn of one visit (projection + XML)");
        var baseline = new Latencies("baseline: the patient by primary key");
        int visits = 0, documents = 0;

        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
        {
            using var scope = services.CreateScope();
            return await work(scope.ServiceProvider);
        }
        Task<ChartModel?> Load(IServiceProvider sp) => sp.GetRequiredService<ChartQueries>().LoadAsync(patientId);
        async Task<int> LoadAndAudit(IServiceProvider sp)
        {
            var model = await Load(sp);
            await sp.GetRequiredService<AuditTrail>().RecordAccessAsync(ChartFeature.AuditEntity, patientId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return model!.Timeline.Visits.Count;
        }
        var visitId = await InScope(sp => sp.GetRequiredService<HospitalDbContext>().Set<Hospital.Domain.Visits.Visit>()
            .Where(v => v.PatientId == patientId).OrderByDescending(v => v.RegisteredAt).Select(v => v.Id).FirstAsync());
        async Task<int> Export(IServiceProvider sp) =>
            Hospital.Integration.Emr.HoSoBenhAnFormat.ToXml((await sp.GetRequiredService<VisitRecordExport>().BuildAsync(visitId, patientId))!).Length;

        using var http = baseUrl is null ? null : await SignedInClientAsync(baseUrl, "doctor", password);
        async Task<int> Get()
        {
            using var response = await http!.GetAsync($"/clinic/patients/{patientId}/chart");
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        // Warm-up: JIT, EF query compilation, connection pool, database caches.
        for (var i = 0; i < 30; i++)
        {
            await InScope(Load);
            await InScope(Export);
            if (http is not null) await Get();
        }
        for (var i = 0; i < runs; i++)
        {
            var model = await queries.TimeAsync(() => InScope(Load));
            visits = model!.Timeline.Visits.Count;
            documents = model.Documents.Sum(c => 1 + c.Earlier.Count);
            await withAudit.TimeAsync(() => InScope(LoadAndAudit));
            await export.TimeAsync(() => InScope(Export));
            if (http is not null) await page.TimeAsync(Get);
            await baseline.TimeAsync(() => InScope(sp => sp.GetRequiredService<HospitalDbContext>().Set<Patient>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId)));
        }
        List<Latencies> measured = http is null ? [queries, withAudit, export] : [queries, withAudit, page, export];
        return new Outcome(measured, baseline, visits, documents);
    }

    /// <summary>Signs in through the login form as a browser would (antiforgery token from the page).</summary>
    private static async Task<HttpClient> SignedInClientAsync(string baseUrl, string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var login = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = user, ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"sign-in as {user} failed: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
