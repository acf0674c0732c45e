using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Visits;

/// <summary>The kiosk / booking-system contract of issue 3: field names, status codes, Vietnamese errors keyed by field.</summary>
public sealed class VisitApiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Register_read_and_list_rooms_by_the_contract(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var patient = await PatientAsync(app, cardNumber: "DN4370123456789");
        using var clerk = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await clerk.SignInAsync("reception"), "/"));

        var created = await clerk.Client.PostAsJsonAsync("/api/v1/visits",
            new { patientId = patient.Id, kind = "bhyt", roomCode = "PK01", reason = "Ho kéo dài", emergency = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/visits/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(1, body.GetProperty("ticketNumber").GetInt32());
        Assert.Equal("PK01", body.GetProperty("roomCode").GetString());
        Assert.Equal(12, body.GetProperty("visitCode").GetString()!.Length);
        Assert.StartsWith("37001", body.GetProperty("maLk").GetString());

        var visit = await clerk.Client.GetFromJsonAsync<JsonElement>($"/api/v1/visits/{id}");
        Assert.Equal(("bhyt", "waiting", "unchecked", "DN4370123456789", "1.1"), (visit.GetProperty("kind").GetString(),
            visit.GetProperty("status").GetString(), visit.GetProperty("cardCheck").GetString(),
            visit.GetProperty("cardNumber").GetString(), visit.GetProperty("benefitCategoryCode").GetString()));
        Assert.Equal(39_000m, visit.GetProperty("examFee").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync("/api/v1/visits/999999")).StatusCode);

        var rooms = (await clerk.Client.GetFromJsonAsync<JsonElement>("/api/v1/rooms")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["PK01", "PK02", "PK03", "PK04", "PK05", "PK06", "PK07"], rooms.Select(r => r.GetProperty("roomCode").GetString()));
        var pk01 = rooms[0];
        Assert.Equal(("Phòng khám Nội 1", "KKB", 1), (pk01.GetProperty("name").GetString(), pk01.GetProperty("departmentCode").GetString(), pk01.GetProperty("waiting").GetInt32()));
        Assert.All(rooms.Skip(1), r => Assert.Equal(0, r.GetProperty("waiting").GetInt32()));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Errors_are_problem_details_keyed_by_field(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var expired = await PatientAsync(app, cardNumber: "DN4370123450000", cardFrom: Today.AddYears(-1), cardTo: Today.AddDays(-3));
        using var clerk = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await clerk.SignInAsync("reception"), "/"));
        var before = await CountAsync(app);

        async Task<JsonElement> Expect(HttpStatusCode status, object request, string field, string text)
        {
            var r = await clerk.Client.PostAsJsonAsync("/api/v1/visits", request);
            Assert.Equal(status, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Contains(messages, m => m!.Contains(text));
            return problem;
        }

        await Expect(HttpStatusCode.BadRequest, new { patientId = expired.Id, kind = "vip", roomCode = "PK01" }, "kind", "\"bhyt\", \"fee\" hoặc \"free\"");
        await Expect(HttpStatusCode.BadRequest, new { kind = "fee", roomCode = "PK01" }, "patientId", "Thiếu mã người bệnh");
        await Expect(HttpStatusCode.NotFound, new { patientId = 999999, kind = "fee", roomCode = "PK01" }, "patientId", "Không tìm thấy hồ sơ người bệnh");
        await Expect(HttpStatusCode.NotFound, new { patientId = expired.Id, kind = "fee", roomCode = "PK99" }, "roomCode", "Không tìm thấy phòng khám PK99");
        await Expect(HttpStatusCode.UnprocessableEntity, new { patientId = expired.Id, kind = "bhyt", roomCode = "PK01" }, "kind", "đã hết hạn ngày");
        var broken = await clerk.Client.PostAsync("/api/v1/visits", new StringContent("{\"patientId\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var form = await clerk.Client.PostAsync("/api/v1/visits", new FormUrlEncodedContent(new Dictionary<string, string> { ["patientId"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("application/json", await form.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync(app));

        var ok = await clerk.Client.PostAsJsonAsync("/api/v1/visits", new { patientId = expired.Id, kind = "fee", roomCode = "PK02", reason = "", emergency = false });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var conflict = await Expect(HttpStatusCode.Conflict, new { patientId = expired.Id, kind = "fee", roomCode = "PK02" }, "roomCode", "chưa kết thúc");
        Assert.Equal(id, conflict.GetProperty("existingVisitId").GetInt32());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Other_roles_may_not_register_and_the_contract_is_in_the_openapi_document(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var doctor = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await doctor.SignInAsync("doctor"), "/"));
        var refused = await doctor.Client.PostAsJsonAsync("/api/v1/visits", new { patientId = 1, kind = "fee", roomCode = "PK01" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var openapi = await doctor.Client.GetStringAsync("/api/v1/openapi.json");
        var paths = JsonDocument.Parse(openapi).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/visits", out var visits) && visits.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/rooms", out _));
        Assert.True(paths.TryGetProperty("/api/v1/visits/{id}", out _));
        Assert.Contains("ticketNumber", openapi);
    }
}
