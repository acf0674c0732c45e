using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Claims.ClaimBoardKit;

namespace Hospital.Tests.Claims;

/// <summary><c>GET /api/v1/claims</c> exactly as the issue's API contract, and the day/month zip export of signed files.</summary>
public sealed class ClaimsApiAndExportTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_claims_API_lists_the_latest_version_of_each_visit_in_the_contract_shape(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var ready = await ClaimAsync(app, await VisitAsync(app, "V-API-1"), ClaimStatus.Ready, Day);
        var invalid = await ClaimAsync(app, await VisitAsync(app, "V-API-2"), ClaimStatus.Invalid, Day,
            errors: [new ClaimError("XML3", "MA_BAC_SI", "Bác sĩ chưa có mã chứng chỉ hành nghề.", "/insurance/staff/3")]);
        var corrected = await VisitAsync(app, "V-API-3");
        await ClaimAsync(app, corrected, ClaimStatus.Superseded, Day, version: 1);
        var accepted = await ClaimAsync(app, corrected, ClaimStatus.Accepted, Day, version: 2);
        await ClaimAsync(app, await VisitAsync(app, "V-API-4"), ClaimStatus.Ready, Day.AddMonths(-1));

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));

        using var all = await Json(officer, "/api/v1/claims?from=2026-11-01&to=2026-11-30");
        var root = all.RootElement;
        Assert.Equal(["items", "total"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([ready.Id, invalid.Id, accepted.Id], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(["id", "visitId", "maLk", "status", "totalCost", "insurancePays", "patientPays", "errors"],
            items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(ready.VisitId, items[0].GetProperty("visitId").GetInt32());
        Assert.Equal("LKV-API-1", items[0].GetProperty("maLk").GetString());
        Assert.Equal(["ready", "invalid", "accepted"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(150_000.50m, items[0].GetProperty("totalCost").GetDecimal());
        Assert.Equal(96_000m, items[0].GetProperty("insurancePays").GetDecimal());
        Assert.Equal(54_000.50m, items[0].GetProperty("patientPays").GetDecimal()); // T_BNCCT + T_BNTT
        Assert.Equal(0, items[0].GetProperty("errors").GetArrayLength());
        var error = Assert.Single(items[1].GetProperty("errors").EnumerateArray());
        Assert.Equal("MA_BAC_SI", error.GetProperty("field").GetString());
        Assert.Equal("Bác sĩ chưa có mã chứng chỉ hành nghề.", error.GetProperty("message").GetString());
        Assert.Equal("/insurance/staff/3", error.GetProperty("fixUrl").GetString());

        using var onlyReady = await Json(officer, "/api/v1/claims?status=ready");
        Assert.Equal(2, onlyReady.RootElement.GetProperty("total").GetInt32());
        using var paged = await Json(officer, "/api/v1/claims?status=ready&size=1&page=2");
        Assert.Equal(2, paged.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("LKV-API-1", Assert.Single(paged.RootElement.GetProperty("items").EnumerateArray()).GetProperty("maLk").GetString());

        foreach (var bad in new[] { "/api/v1/claims?status=superseded", "/api/v1/claims?from=20/11/2026", "/api/v1/claims?from=2026-11-30&to=2026-11-01", "/api/v1/claims?size=5000" })
        {
            var response = await officer.Client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var cashier = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await cashier.SignInAsync("cashier"), "/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.Client.GetAsync("/api/v1/claims")).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_day_or_a_month_exports_the_ready_sent_and_accepted_files_under_the_facility_folder(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var ready = await ClaimAsync(app, await VisitAsync(app, "V-ZIP-1"), ClaimStatus.Ready, Day);
        var sent = await ClaimAsync(app, await VisitAsync(app, "V-ZIP-2"), ClaimStatus.Sent, Day);
        var corrected = await VisitAsync(app, "V-ZIP-3");
        await ClaimAsync(app, corrected, ClaimStatus.Superseded, Day, version: 1);
        var accepted = await ClaimAsync(app, corrected, ClaimStatus.Accepted, Day, version: 2);
        await ClaimAsync(app, await VisitAsync(app, "V-ZIP-4"), ClaimStatus.Invalid, Day);
        await ClaimAsync(app, await VisitAsync(app, "V-ZIP-5"), ClaimStatus.Rejected, Day);
        var earlier = await ClaimAsync(app, await VisitAsync(app, "V-ZIP-6"), ClaimStatus.Accepted, Day.AddDays(-5));

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        var response = await officer.Client.GetAsync("/insurance/claims/export?day=2026-11-20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ho-so-xml-2026-11-20.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var day = await Entries(response);

        await using var db = app.Database.NewContext();
        var expected = await db.Set<Claim>().AsNoTracking().Where(c => c.Id == ready.Id || c.Id == sent.Id || c.Id == accepted.Id).ToListAsync();
        Assert.Equal(3, day.Count);
        foreach (var c in expected)
        {
            var name = $"37001/{Hospital.Web.Platform.VietnamTime.ToLocal(c.BuiltAt):yyyy.MM.dd_HH.mm.ss}_{c.MaLk}.xml";
            Assert.True(day.TryGetValue(name, out var bytes), $"{name} not in {string.Join(", ", day.Keys)}");
            Assert.Equal(c.SignedXml, bytes); // exactly the signed file
        }

        var month = await Entries(await officer.Client.GetAsync("/insurance/claims/export?month=2026-11"));
        Assert.Equal(4, month.Count);
        Assert.Contains(month.Keys, k => k.EndsWith($"_{earlier.MaLk}.xml"));

        var wrong = await officer.Client.GetAsync("/insurance/claims/export?month=11-2026");
        Assert.True(WebSession.IsRedirectTo(wrong, "/insurance/claims"));
        var (_, board) = await officer.GetPageAsync("/insurance/claims");
        Assert.Contains("Tháng '11-2026' không hợp lệ: dùng dạng yyyy-MM.", board.Body?.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_board_filters_by_end_date_department_doctor_and_object_code(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        int otherDepartment, doctor;
        await using (var db = app.Database.NewContext())
        {
            // Visits of the kit are in the first exam room's department; this is another one.
            var examDepartment = await db.Set<Hospital.Domain.Catalog.Room>().Where(r => r.Kind == Hospital.Domain.Catalog.RoomKind.ExamRoom)
                .OrderBy(r => r.Id).Select(r => r.DepartmentId).FirstAsync();
            otherDepartment = await db.Set<Hospital.Domain.Catalog.Department>()
                .Where(d => d.Kind == Hospital.Domain.Catalog.DepartmentKind.Clinical && d.Id != examDepartment)
                .OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
            doctor = await db.Set<Hospital.Domain.Catalog.Staff>().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }
        var a = await ClaimAsync(app, await VisitAsync(app, "V-FLT-1"), ClaimStatus.Ready, Day, objectCode: "1.1");
        var b = await ClaimAsync(app, await VisitAsync(app, "V-FLT-2"), ClaimStatus.Ready, Day, objectCode: "1.2", departmentId: otherDepartment);
        var c = await ClaimAsync(app, await VisitAsync(app, "V-FLT-3"), ClaimStatus.Invalid, Day.AddDays(1), objectCode: "1.1", departmentId: otherDepartment);
        await using (var db = app.Database.NewContext())
            await db.Set<Claim>().Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DoctorStaffId, doctor));

        using var officer = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await officer.SignInAsync("insurance"), "/"));
        async Task<List<string>> Shown(string query)
        {
            var (_, page) = await officer.GetPageAsync("/insurance/claims" + query);
            return page.QuerySelectorAll("[data-testid=claim-link]").Select(l => l.TextContent).Order().ToList();
        }
        Assert.Equal([a.MaLk, b.MaLk, c.MaLk], await Shown(""));
        Assert.Equal([a.MaLk, c.MaLk], await Shown("?object=1.1"));
        Assert.Equal([b.MaLk, c.MaLk], await Shown($"?department={otherDepartment}"));
        Assert.Equal([c.MaLk], await Shown($"?doctor={doctor}"));
        Assert.Equal([a.MaLk, b.MaLk], await Shown("?from=2026-11-20&to=2026-11-20"));
        Assert.Equal([c.MaLk], await Shown("?status=invalid"));
        Assert.Equal([b.MaLk], await Shown($"?object=1.2&department={otherDepartment}&status=ready"));
    }

    private static async Task<JsonDocument> Json(WebSession session, string url)
    {
        var response = await session.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<string, byte[]>> Entries(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var result = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            result[entry.FullName] = m.ToArray();
        }
        return result;
    }
}
