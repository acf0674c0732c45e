using System.Net;
using Hospital.Domain.Audit;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Domain.Visits;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Reception.ReceptionTestKit;

namespace Hospital.Tests.Reception;

/// <summary>The reception pages as a clerk uses them (HTTP level, both providers): QR scan, the patient form, the card, the merge.</summary>
public sealed class ReceptionPageTests
{
    private const string Qr = "037090123456|162345678|NGUYỄN VĂN AN|01021990|Nam|Thôn Đông, xã Gia Hưng, Ninh Bình|15042021";

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_scanned_cccd_prefills_the_form_which_saves_and_finds_the_patient_next_time(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);

        var scan = await clerk.Client.GetAsync("/reception?q=" + Uri.EscapeDataString(Qr));
        Assert.True(WebSession.IsRedirectTo(scan, "/reception/patients/new?qr="), $"{(int)scan.StatusCode} {scan.Headers.Location}");
        var (_, form) = await clerk.GetPageAsync(scan.Headers.Location!.IsAbsoluteUri ? scan.Headers.Location.PathAndQuery : scan.Headers.Location.OriginalString);
        Assert.Equal("Nguyễn Văn An", Value(form, "Input.FullName"));
        Assert.Equal("1990-02-01", Value(form, "Input.BirthDate"));
        Assert.Equal("037090123456", Value(form, "Input.Cccd"));
        Assert.Equal("162345678", Value(form, "Input.OldIdNumber"));
        Assert.StartsWith("Thôn Đông", Value(form, "Input.Address"));

        var fields = FormFields(form);
        fields["Input.ProvinceCode"] = "37";
        fields["Input.CommuneCode"] = NinhBinhCommune;
        fields["Input.Sex"] = "1";
        fields["Input.BhytCardNumber"] = "GD4373712345678";
        fields["Input.BhytValidFrom"] = Iso(Today.AddDays(-10));
        fields["Input.BhytValidTo"] = Iso(Today.AddDays(200));
        fields["Input.BhytPrimaryFacilityCode"] = "37001";
        var saved = await clerk.SubmitAsync(form, "#patient-form", fields);
        Assert.True(WebSession.IsRedirectTo(saved, "/reception/patients/"), $"{(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        var location = saved.Headers.Location!;
        var cardUrl = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        var (_, card) = await clerk.GetPageAsync(cardUrl);
        Assert.Contains("Nguyễn Văn An", card.QuerySelector("h1")!.TextContent);
        Assert.Equal(cardUrl + "/visits/new", card.QuerySelector("[data-testid=register-visit]")!.GetAttribute("href"));
        Assert.Contains("GD4373712345678", card.QuerySelector("[data-testid=cards]")!.TextContent);

        // The same card scanned again opens the record.
        var again = await clerk.Client.GetAsync("/reception?q=" + Uri.EscapeDataString(Qr));
        Assert.True(WebSession.IsRedirectTo(again, cardUrl), $"{again.Headers.Location}");
        // A torn scan gets a clear message.
        var (_, torn) = await clerk.GetPageAsync("/reception?q=" + Uri.EscapeDataString("037090123456|162345678|NGUY"));
        Assert.Contains("không đúng cấu trúc", torn.QuerySelector("[data-testid=qr-error]")!.TextContent);
        // The live search lists the patient with birth date, address and card.
        var (_, results) = await clerk.GetPageAsync("/reception?q=nguyen+van+an");
        var row = results.QuerySelector("#patients tbody tr")!.TextContent;
        Assert.Contains("01/02/1990", row);
        Assert.Contains("Phủ Lý", row);
        Assert.Contains("GD4373712345678", row);

        // Allergies: added on the card, shown as a banner, voided with a reason.
        var addAllergy = await clerk.SubmitAsync(card, "[data-testid=allergy-add]", new Dictionary<string, string> { ["substance"] = "Penicillin", ["reaction"] = "mề đay", ["severity"] = "3" });
        Assert.True(WebSession.IsRedirectTo(addAllergy, cardUrl));
        (_, card) = await clerk.GetPageAsync(cardUrl);
        Assert.Contains("Penicillin", card.QuerySelector("[data-testid=allergy-banner]")!.TextContent);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_form_refuses_bad_input_and_warns_of_namesakes_without_storing_anything(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);
        var existing = await CreateAsync(clerk, Adult());
        var before = await CountsAsync(app);

        var cases = new (string Why, Dictionary<string, string> Fields, string Field, string Message)[]
        {
            ("child without guardian", new() { ["Input.FullName"] = "Bé Na", ["Input.BirthDate"] = Iso(Today.AddYears(-2)), ["Input.Sex"] = "2" }, "GuardianName", "dưới 6 tuổi"),
            ("malformed card", Person(("Input.BhytCardNumber", "GD43"), ("Input.BhytValidFrom", Iso(Today)), ("Input.BhytValidTo", Iso(Today.AddDays(9))), ("Input.BhytPrimaryFacilityCode", "37001")), "BhytCardNumber", "15 ký tự"),
            ("expired card", Person(("Input.BhytCardNumber", "HT3379988776655"), ("Input.BhytValidFrom", Iso(Today.AddYears(-1))), ("Input.BhytValidTo", Iso(Today.AddDays(-3))), ("Input.BhytPrimaryFacilityCode", "37001")), "BhytValidTo", "hết hạn"),
            ("CCCD against sex", Person(("Input.Cccd", "037195123456")), "Cccd", "giới tính"),
            ("typed date", Person(("Input.BirthDate", "31/02/1995")), "BirthDate", "không hợp lệ"),
        };
        foreach (var (why, fields, field, message) in cases)
        {
            var (_, page) = await clerk.GetPageAsync("/reception/patients/new");
            var response = await clerk.SubmitAsync(page, "#patient-form", fields);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{why}: {(int)response.StatusCode} {response.Headers.Location}");
            var (_, shown) = Parse(html);
            var input = shown.QuerySelector($"#{field}")!;
            Assert.Contains(message, input.ParentElement!.QuerySelector(".invalid-feedback, .validation-message")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
        }

        // Duplicate CCCD: blocked, with a link to the existing record.
        var (_, newPage) = await clerk.GetPageAsync("/reception/patients/new");
        var dup = await clerk.SubmitAsync(newPage, "#patient-form", Person(("Input.FullName", "Nguyễn Văn Ân"), ("Input.Sex", "1"), ("Input.BirthDate", "1990-02-01"), ("Input.Cccd", "037090123456")));
        var (_, dupPage) = Parse(await dup.Content.ReadAsStringAsync());
        Assert.Equal($"/reception/patients/{existing}", dupPage.QuerySelector("[data-testid=duplicate-link]")!.GetAttribute("href"));
        Assert.Null(dupPage.QuerySelector("[data-testid=confirm-duplicate]"));

        // Same name, birth date and commune: a warning; "vẫn lưu" saves.
        var namesake = Person(("Input.FullName", "Nguyễn Văn An"), ("Input.Sex", "1"), ("Input.BirthDate", "1990-02-01"), ("Input.ProvinceCode", "37"), ("Input.CommuneCode", NinhBinhCommune));
        var warned = await clerk.SubmitAsync(newPage, "#patient-form", namesake);
        var (_, warnPage) = Parse(await warned.Content.ReadAsStringAsync());
        Assert.NotNull(warnPage.QuerySelector("[data-testid=confirm-duplicate]"));
        Assert.Equal(before, await CountsAsync(app));
        namesake["Input.ConfirmDuplicate"] = "true";
        var confirmed = await clerk.SubmitAsync(warnPage, "#patient-form", namesake);
        Assert.True(WebSession.IsRedirectTo(confirmed, "/reception/patients/"), $"{(int)confirmed.StatusCode}");
        Assert.Equal(before.Patients + 1, (await CountsAsync(app)).Patients);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Merging_keeps_both_histories_hides_the_merged_record_and_is_audited(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);
        var a = await CreateAsync(clerk, Adult());
        var b = await CreateAsync(clerk, Adult("Nguyễn Văn Ann", "037090654321", "GD4373799999999", "0912000111"));
        string codeA, codeB;
        await using (var db = app.Database.NewContext())
        {
            var room = await db.Set<Room>().OrderBy(r => r.Id).FirstAsync();
            var n = 0;
            foreach (var id in new[] { a, b })
                db.Add(new Visit
                {
                    Code = $"TEST{++n}", MaLk = $"MALK{n}", PatientId = id, Kind = VisitKind.Fee, RegisteredAt = DateTime.UtcNow, RegisteredBy = "reception",
                    VisitDate = Today.AddDays(-n), DepartmentId = room.DepartmentId, RoomId = room.Id, Reason = $"Lần khám {n}",
                });
            await db.SaveChangesAsync();
            codeA = await db.Set<Patient>().Where(p => p.Id == a).Select(p => p.Code).SingleAsync();
            codeB = await db.Set<Patient>().Where(p => p.Id == b).Select(p => p.Code).SingleAsync();
        }

        using var admin = await SignedInAsync(app, "admin");
        var (_, self) = await admin.GetPageAsync($"/admin/patients/merge?a={codeA}&b={codeA}");
        var refused = await admin.SubmitAsync(self, "[data-testid=merge-form]", new Dictionary<string, string> { ["reason"] = "thử" });
        Assert.Contains("chính nó", await refused.Content.ReadAsStringAsync());

        var (_, compare) = await admin.GetPageAsync($"/admin/patients/merge?a={codeA}&b={codeB}");
        Assert.Contains("Nguyễn Văn Ann", compare.QuerySelector("[data-testid=merge-compare]")!.TextContent);
        var merged = await admin.SubmitAsync(compare, "[data-testid=merge-form]", new Dictionary<string, string> { ["reason"] = "Cùng một người, gõ sai tên" });
        Assert.True(WebSession.IsRedirectTo(merged, "/admin/patients/merge"), $"{(int)merged.StatusCode} {await merged.Content.ReadAsStringAsync()}");
        var again = await admin.SubmitAsync(compare, "[data-testid=merge-form]", new Dictionary<string, string> { ["reason"] = "lần nữa" });
        Assert.Contains("đã được gộp", await again.Content.ReadAsStringAsync());

        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(a, (await db.Set<Patient>().SingleAsync(p => p.Id == b)).MergedIntoId);
            var merge = await db.Set<PatientMerge>().SingleAsync();
            Assert.Equal((a, b, "admin"), (merge.SurvivorId, merge.MergedId, merge.MergedBy));
            // Nothing moved: each visit stays with its own record.
            Assert.Equal([a, b], await db.Set<Visit>().OrderBy(v => v.Code).Select(v => v.PatientId).ToListAsync());
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Entity == nameof(PatientMerge) && e.UserName == "admin"));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Entity == nameof(Patient) && e.EntityKey == b.ToString() && e.Action != "Create" && e.UserName == "admin"));
        }

        var (_, cardB) = await clerk.GetPageAsync($"/reception/patients/{b}");
        Assert.Equal($"/reception/patients/{a}", cardB.QuerySelector("[data-testid=merged-banner] a")!.GetAttribute("href"));
        Assert.Null(cardB.QuerySelector("[data-testid=register-visit]"));
        Assert.Contains("Lần khám 2", cardB.QuerySelector("[data-testid=visits]")!.TextContent);
        var (_, cardA) = await clerk.GetPageAsync($"/reception/patients/{a}");
        Assert.Contains("Lần khám 1", cardA.QuerySelector("[data-testid=visits]")!.TextContent);
        Assert.Contains(codeB, cardA.QuerySelector("[data-testid=merged-here]")!.TextContent);
        var (_, results) = await clerk.GetPageAsync("/reception?q=nguyen+van");
        Assert.DoesNotContain(codeB, results.QuerySelector("#patient-results")!.TextContent);
    }

    private static Dictionary<string, string> Person(params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Phạm Thị Lan", ["Input.BirthDate"] = "1995-03-03", ["Input.Sex"] = "1", ["Input.ProvinceCode"] = "37",
        };
        foreach (var (k, v) in changes) fields[k] = v;
        return fields;
    }

    private static (AngleSharp.Dom.IElement? Root, AngleSharp.Html.Dom.IHtmlDocument Page) Parse(string html)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return (page.DocumentElement, page);
    }

    private static string? Value(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelector($"#patient-form [name='{name}']")?.GetAttribute("value");

    private static Dictionary<string, string> FormFields(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#patient-form input[name]").Where(i => i.GetAttribute("value") is not null && i.GetAttribute("type") != "hidden")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
}
