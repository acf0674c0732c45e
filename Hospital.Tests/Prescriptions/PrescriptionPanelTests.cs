using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Emr.Prescriptions;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using static Hospital.Tests.Prescriptions.PrescriptionTestKit;

namespace Hospital.Tests.Prescriptions;

/// <summary>The prescription panel's htmx endpoints as a signed-in doctor's browser uses them.</summary>
public sealed class PrescriptionPanelTests
{
    private static readonly HtmlParser Parser = new();

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_doctor_finds_a_drug_without_accents_adds_it_and_sees_the_line_and_the_refusals(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        await AllergyAsync(app, visit.PatientId, "NSAID");
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");
        var url = $"/clinic/visits/{visit.VisitId}/prescriptions";

        var (response, panel) = await doctor.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(panel.QuerySelector("[data-testid=rx-drug-search]"));
        Assert.NotNull(panel.QuerySelector("[data-testid=rx-errors]"));
        var token = panel.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // "moc phin" finds nothing, "morphin" the narcotics with their form; "mat ong" the herbal syrup by its ingredient.
        var (_, results) = await doctor.GetPageAsync($"{url}/drugs?q=morphin");
        var items = results.QuerySelectorAll("[data-testid=rx-drug-result]");
        Assert.Equal(2, items.Length);
        Assert.All(items, i => Assert.Contains("Morphin", i.TextContent));
        Assert.Single((await doctor.GetPageAsync($"{url}/drugs?q=mat ong")).Page.QuerySelectorAll("[data-testid=rx-drug-result]"));

        // Choosing Ibuprofen shows the allergy warning and the override field before anything is added.
        var ibuprofen = await DrugAsync(app, "TH0004");
        var (_, entry) = await doctor.GetPageAsync($"{url}/entry?drugId={ibuprofen.Id}");
        Assert.Contains("thuộc nhóm NSAID", entry.QuerySelector("[data-testid=rx-allergy-warning]")!.TextContent);
        Assert.NotNull(entry.QuerySelector("[data-testid=rx-override-reason]"));
        Assert.NotNull(entry.QuerySelector("[data-testid=rx-add-line]"));
        Assert.Equal("10 viên", (await doctor.Client.GetStringAsync($"{url}/quantity?drugId={ibuprofen.Id}&dose=1&timesPerDay=2&days=5")).Trim());

        // Refused: the panel comes back with the Vietnamese message in the error area and no line.
        var refused = await PostAsync(doctor, $"{url}/lines", token, new() { ["drugId"] = $"{ibuprofen.Id}", ["dose"] = "1", ["timesPerDay"] = "2", ["days"] = "5", ["advice"] = "" });
        Assert.Contains("Người bệnh dị ứng \"NSAID\"", refused.QuerySelector("[data-testid=rx-errors]")!.TextContent);
        Assert.Empty(refused.QuerySelectorAll("[data-testid=rx-line]"));

        // Accepted with a reason and a decimal comma: the line row shows the computed quantity.
        var added = await PostAsync(doctor, $"{url}/lines", token, new()
        {
            ["drugId"] = $"{ibuprofen.Id}", ["dose"] = "0,5", ["timesPerDay"] = "3", ["days"] = "3", ["overrideReason"] = "Đã dùng nhiều lần không phản ứng", ["advice"] = "Tái khám sau 3 ngày",
        });
        Assert.Equal("", added.QuerySelector("[data-testid=rx-errors]")!.TextContent.Trim());
        var row = Assert.Single(added.QuerySelectorAll("[data-testid=rx-line]"));
        Assert.Contains("5 viên", row.QuerySelector("[data-testid=rx-line-quantity]")!.TextContent);
        Assert.Contains("Đã dùng nhiều lần không phản ứng", row.TextContent);
        Assert.Equal("Tái khám sau 3 ngày", Assert.Single(await PrescriptionsAsync(app, visit)).Advice);

        // A nurse may look but not prescribe.
        using var nurse = await QueueWebKit.SignedInAsync(app, "nurse");
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetPageAsync(url)).Response.StatusCode);
        var nurseToken = (await nurse.GetPageAsync(url)).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var nursePost = await nurse.Client.PostAsync($"{url}/lines/remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = nurseToken, ["lineId"] = "1",
        }));
        Assert.True(nursePost.StatusCode == HttpStatusCode.Forbidden || WebSession.IsRedirectTo(nursePost, "/account/access-denied"), $"{nursePost.StatusCode}");
        Assert.Single(Assert.Single(await PrescriptionsAsync(app, visit)).Lines);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_signed_prescription_shows_read_only_with_its_national_code(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visit = await VisitAsync(app);
        Assert.True((await AddAsync(app, visit, "TH0001")).Ok);
        await using (var db = app.Database.NewContext())
        {
            Assert.True((await WithAsync<IPrescriptionFinalizer, PrescriptionSigning>(app, f => f.SignDraftsAsync(db, visit.VisitId))).Ok);
            var exam = db.Set<ExamRecord>().Single(e => e.VisitId == visit.VisitId);
            exam.Status = ExamStatus.Concluded;
            await db.SaveChangesAsync();
        }
        using var doctor = await QueueWebKit.SignedInAsync(app, "doctor");

        var (_, panel) = await doctor.GetPageAsync($"/clinic/visits/{visit.VisitId}/prescriptions");

        var code = panel.QuerySelector("[data-testid=rx-national-code]")!.TextContent;
        Assert.Matches(NationalPrescriptionCode.Pattern(), code);
        Assert.Null(panel.QuerySelector("[data-testid=rx-drug-search]"));
        Assert.Null(panel.QuerySelector("[data-testid=rx-line-remove]"));
        Assert.Single(panel.QuerySelectorAll("[data-testid=rx-line]"));
    }

    private static async Task<IHtmlDocument> PostAsync(WebSession session, string url, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
