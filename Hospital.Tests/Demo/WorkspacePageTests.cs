using System.Net;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Text;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Demo;

/// <summary>Each module's landing page lists real demo data, searches it without accents, and sorts on both providers.</summary>
public sealed class WorkspacePageTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Module_pages_search_and_sort_the_demo_data(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        Patient someone;
        await using (var db = app.Database.NewContext())
            someone = await db.Set<Patient>().Include(p => p.BhytCards).OrderBy(p => p.Code).FirstAsync(p => p.Cccd != null);

        // Reception: the accent-free name, the CCCD or the birth year find the patient.
        var plainName = VietnameseText.SearchKey(someone.FullName);
        var reception = await SignedInAsync(app, "reception");
        foreach (var q in new[] { plainName, someone.Cccd!, plainName + " " + someone.BirthYear, someone.Code })
        {
            var rows = await RowsAsync(reception, "/reception?q=" + Uri.EscapeDataString(q), "#patients");
            Assert.Contains(rows, r => r.Contains(someone.Code) && r.Contains(someone.FullName));
        }
        // With an empty box the page lists the latest records.
        Assert.Contains("Mã BN", await TextAsync(reception, "/reception"));

        var doctor = await SignedInAsync(app, "doctor");
        var icd = await RowsAsync(doctor, "/clinic?q=tang+huyet+ap", "#icd10");
        Assert.Contains(icd, r => r.Contains("I10"));
        Assert.Contains("Phòng khám Nội 1", await TextAsync(doctor, "/clinic?chapter=IX"));

        var lab = await RowsAsync(await SignedInAsync(app, "labtech"), "/lab?sort=price&dir=desc", "#lab-services");
        Assert.Contains("522.000", lab[0]);

        var pharmacist = await SignedInAsync(app, "pharmacist");
        Assert.Contains(await RowsAsync(pharmacist, "/pharmacy?q=amlodipin&sort=price", "#drugs"), r => r.Contains("Amlodipin 5mg"));
        Assert.Contains("95.000", (await RowsAsync(pharmacist, "/pharmacy/supplies?sort=price&dir=desc", "#supplies"))[0]);

        var cashier = await RowsAsync(await SignedInAsync(app, "cashier"), "/cashier/prices?group=13&sort=bhyt", "#price-list");
        Assert.Contains(cashier, r => r.Contains("Khám Nội") && r.Contains("39.000"));

        var insurance = await SignedInAsync(app, "insurance");
        Assert.Contains(await RowsAsync(insurance, "/insurance?coverage=uncovered", "#bhyt-services"), r => r.Contains("Khám sức khỏe định kỳ"));
        Assert.Contains(await RowsAsync(insurance, "/insurance/drugs?sort=price&dir=desc", "#bhyt-drugs"), r => r.Contains("50%"));
        var groups = await RowsAsync(insurance, "/insurance/groups?level=3", "#bhyt-groups");
        Assert.Contains(groups, r => r.Contains("HT"));
        Assert.All(groups, r => Assert.Contains("95%", r));
    }

    private static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(user), "/"));
        return session;
    }

    private static async Task<string> TextAsync(WebSession session, string url)
    {
        var (response, page) = await session.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.Body!.TextContent;
    }

    private static async Task<List<string>> RowsAsync(WebSession session, string url, string table)
    {
        var (response, page) = await session.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll($"{table} tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        return rows;
    }
}
