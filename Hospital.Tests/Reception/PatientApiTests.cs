using System.Net;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Reception.ReceptionTestKit;

namespace Hospital.Tests.Reception;

/// <summary>Issue 3 acceptance through the patient API, on SQLite and PostgreSQL: search, registration, bad input.</summary>
public sealed class PatientApiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task One_search_box_finds_names_without_accents_and_every_identifier(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);
        var an = await CreateAsync(clerk, Adult());
        var anh = await CreateAsync(clerk, Adult("Nguyễn Văn Anh", "037085123456", "HT3373798765432", "0987654321", "1985-05-05"));
        var tranVanAn = await CreateAsync(clerk, Adult("Trần Văn An", "037070123456", "DN4370112233445", "0911222333", "1970-07-07"));
        var binh = await CreateAsync(clerk, Adult("Lê Thị Bình", "037160123456", "GD4375544332211", "0933444555", "1960-01-01", "F"));

        Assert.Equal([an, anh], await SearchAsync(clerk, "nguyen van an"));
        Assert.Equal([an, anh], await SearchAsync(clerk, "Nguyễn Văn An"));
        Assert.Equal(await SearchAsync(clerk, "NGUYEN"), await SearchAsync(clerk, "nguyễn"));
        Assert.Equal([an, anh], await SearchAsync(clerk, "NGUYEN"));
        // Whole-name matches first, then names where a later word starts the phrase.
        // Later-word keys in key order: the exact word "an" before "anh".
        Assert.Equal([an, tranVanAn, anh], await SearchAsync(clerk, "van an"));
        Assert.Equal([tranVanAn], await SearchAsync(clerk, "tran"));
        // Words in another order: the fallback.
        Assert.Equal([an, anh], await SearchAsync(clerk, "an nguyen"));
        Assert.Equal([an], await SearchAsync(clerk, "nguyen van an 1990"));

        Assert.Equal([an], await SearchAsync(clerk, "037090123456"));
        Assert.Equal([an], await SearchAsync(clerk, "GD4373712345678"));
        Assert.Equal([an], await SearchAsync(clerk, "gd4373712345678"));
        Assert.Equal([an], await SearchAsync(clerk, "3712345678"));
        Assert.Equal([an], await SearchAsync(clerk, "0912 345 678"));
        Assert.Equal([binh], await SearchAsync(clerk, "binh"));

        // The code from the sequence finds the patient too, and the list item carries the contract's fields.
        var item = await FirstItemAsync(clerk, "037090123456");
        Assert.Matches(@"^\d{9}$", item.GetProperty("patientCode").GetString());
        Assert.Equal([an], await SearchAsync(clerk, item.GetProperty("patientCode").GetString()!));
        Assert.Equal("Nguyễn Văn An", item.GetProperty("fullName").GetString());
        Assert.Equal("1990-02-01", item.GetProperty("birthDate").GetString());
        Assert.Equal(1990, item.GetProperty("birthYear").GetInt32());
        Assert.Equal("M", item.GetProperty("sex").GetString());
        Assert.Equal("GD4373712345678", item.GetProperty("bhytCardNumber").GetString());
        Assert.Equal("0912345678", item.GetProperty("phone").GetString());
        Assert.Contains("Phủ Lý", item.GetProperty("address").GetString());

        // Merged and voided records drop out of search.
        using (var scope = app.Services.CreateScope())
        {
            var merges = scope.ServiceProvider.GetRequiredService<PatientMergeService>();
            Assert.Null(await merges.MergeAsync(an, anh, "Trùng người", new ClerkAction("admin", DateTime.UtcNow, Today)));
        }
        await using (var db = app.Database.NewContext())
        {
            var p = await db.Set<Patient>().SingleAsync(x => x.Id == tranVanAn);
            p.VoidedAt = DateTime.UtcNow;
            p.VoidedBy = "admin";
            p.VoidReason = "Tạo nhầm";
            await db.SaveChangesAsync();
        }
        Assert.Equal([an], await SearchAsync(clerk, "van an"));
        Assert.Empty(await SearchAsync(clerk, "HT3373798765432"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Bad_input_is_refused_with_a_vietnamese_message_and_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);
        var existing = await CreateAsync(clerk, Adult());
        var before = await CountsAsync(app);

        var cases = new (string Why, Action<Dictionary<string, object?>> Change, HttpStatusCode Status, string Field, string Message)[]
        {
            ("malformed card", b => b["bhytCardNumber"] = "GD43737123", HttpStatusCode.UnprocessableEntity, "bhytCardNumber", "15 ký tự"),
            ("unknown group", b => b["bhytCardNumber"] = "ZZ4373799999999", HttpStatusCode.UnprocessableEntity, "bhytCardNumber", "Mã đối tượng ZZ"),
            ("expired card", b => { b["bhytValidFrom"] = Iso(Today.AddYears(-2)); b["bhytValidTo"] = Iso(Today.AddDays(-1)); }, HttpStatusCode.UnprocessableEntity, "bhytValidTo", "hết hạn"),
            ("CCCD vs birth year", b => b["birthDate"] = "1991-02-01", HttpStatusCode.UnprocessableEntity, "cccd", "năm sinh"),
            ("CCCD vs sex", b => b["sex"] = "M", HttpStatusCode.UnprocessableEntity, "cccd", "giới tính"),
            ("child without guardian", b => { b["birthDate"] = Iso(Today.AddYears(-3)); b["cccd"] = null; b["bhytCardNumber"] = null; b["bhytValidFrom"] = null; b["bhytValidTo"] = null; b["bhytPrimaryFacilityCode"] = null; },
                HttpStatusCode.UnprocessableEntity, "guardianName", "dưới 6 tuổi"),
            ("birth in the future", b => { b["birthDate"] = Iso(Today.AddDays(2)); b["cccd"] = null; }, HttpStatusCode.UnprocessableEntity, "birthDate", "sau ngày hôm nay"),
            ("commune of another province", b => b["communeCode"] = "00004", HttpStatusCode.UnprocessableEntity, "communeCode", "không thuộc"),
            ("bad phone", b => b["phone"] = "12345", HttpStatusCode.UnprocessableEntity, "phone", "10 chữ số"),
            ("bad date format", b => b["birthDate"] = "01/02/1990", HttpStatusCode.BadRequest, "birthDate", "yyyy-MM-dd"),
            ("no name", b => b["fullName"] = " ", HttpStatusCode.UnprocessableEntity, "fullName", "họ tên"),
        };
        foreach (var (why, change, status, field, message) in cases)
        {
            var body = Adult("Phạm Thị Lan", "037195123456", "HT3379988776655", "0977000111", "1995-03-03", "F");
            change(body);
            var response = await PostPatientAsync(clerk, body);
            var json = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{why}: {(int)response.StatusCode} {json}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(json).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var list), $"{why}: no error for {field} in {json}");
            Assert.Contains(message, list[0].GetString(), StringComparison.OrdinalIgnoreCase);
        }

        // Duplicates answer 409 with the existing patient's id.
        await AssertConflictAsync(clerk, Adult("Phạm Văn Nam", "037090123456", "HT3379988776655", "0977000111", "1990-02-01"), existing, "cccd");
        await AssertConflictAsync(clerk, Adult("Phạm Văn Nam", "037090999999", "GD4373712345678", "0977000111", "1990-02-01"), existing, "bhytCard");
        // A renewed card in another group keeps the social-insurance number: still the same person.
        await AssertConflictAsync(clerk, Adult("Phạm Văn Nam", "037090999999", "HT3373712345678", "0977000111", "1990-02-01"), existing, "bhytCard");
        var namesake = Adult(cccd: "", card: "", phone: "");
        foreach (var k in new[] { "cccd", "bhytCardNumber", "bhytValidFrom", "bhytValidTo", "bhytPrimaryFacilityCode", "phone" }) namesake[k] = null;
        await AssertConflictAsync(clerk, namesake, existing, "nameBirthCommune");
        Assert.Equal(before, await CountsAsync(app));

        // Same name, birth date and commune is only a warning: confirmed, it saves.
        namesake["confirmDuplicate"] = true;
        var second = await CreateAsync(clerk, namesake);
        Assert.NotEqual(existing, second);

        var bad = await clerk.Client.PostAsync("/api/v1/patients", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("JSON", await bad.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Registration_returns_the_new_patient_with_code_and_keeps_birth_year_only_patients(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        using var clerk = await SignedInAsync(app);
        var body = new Dictionary<string, object?> { ["fullName"] = "  trần   THỊ   hoa ", ["birthYear"] = 1948, ["sex"] = "F", ["provinceCode"] = "37", ["unknownField"] = "x" };
        var response = await PostPatientAsync(clerk, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/patients/{id}", response.Headers.Location?.OriginalString);
        Assert.Matches($@"^{Today.Year % 100:00}\d{{7}}$", created.GetProperty("patientCode").GetString());
        Assert.Equal(1948, created.GetProperty("birthYear").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("birthDate").ValueKind);

        var read = JsonDocument.Parse(await clerk.Client.GetStringAsync($"/api/v1/patients/{id}")).RootElement;
        Assert.Equal("trần THỊ hoa", read.GetProperty("fullName").GetString());
        await using var db = app.Database.NewContext();
        Assert.Equal(["hoa", "thi hoa", "tran thi hoa"], (await db.Set<PatientNameKey>().Where(k => k.PatientId == id).Select(k => k.Key).ToListAsync()).Order());
        Assert.True(await db.Set<Hospital.Domain.Audit.AuditEntry>().AnyAsync(a => a.Entity == nameof(Patient) && a.EntityKey == id.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync("/api/v1/patients/999999")).StatusCode);

        // Documented for kiosk vendors: the three endpoints and the POST body with its confirm flag.
        var openApi = JsonDocument.Parse(await clerk.Client.GetStringAsync("/api/v1/openapi.json")).RootElement.GetProperty("paths");
        Assert.True(openApi.TryGetProperty("/api/v1/patients", out var list));
        Assert.True(openApi.TryGetProperty("/api/v1/patients/{id}", out _));
        Assert.Contains("confirmDuplicate", list.GetProperty("post").GetProperty("requestBody").GetRawText() + await clerk.Client.GetStringAsync("/api/v1/openapi.json"));
    }

    private static async Task AssertConflictAsync(WebSession clerk, Dictionary<string, object?> body, int existingId, string kind)
    {
        var response = await PostPatientAsync(clerk, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{kind}: {(int)response.StatusCode} {json}");
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(existingId, root.GetProperty("id").GetInt32());
        Assert.Equal(kind, root.GetProperty("duplicate").GetString());
        Assert.Contains("Nguyễn Văn An", root.GetProperty("detail").GetString());
    }

    private static async Task<List<int>> SearchAsync(WebSession clerk, string q)
    {
        var json = JsonDocument.Parse(await clerk.Client.GetStringAsync("/api/v1/patients?take=20&q=" + Uri.EscapeDataString(q))).RootElement;
        var ids = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, json.GetProperty("total").GetInt32());
        return ids;
    }

    private static async Task<JsonElement> FirstItemAsync(WebSession clerk, string q) =>
        JsonDocument.Parse(await clerk.Client.GetStringAsync("/api/v1/patients?q=" + Uri.EscapeDataString(q))).RootElement.GetProperty("items")[0];
}
