using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Pharmacy.Dispensing.DispensingTestKit;

namespace Hospital.Tests.Pharmacy.Dispensing;

/// <summary>GET /api/v1/prescriptions/{id} and POST /api/v1/prescriptions/{id}/dispense as an integration sees them.</summary>
public sealed class PrescriptionsApiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Dispense_answers_the_lots_then_the_prescription_shows_what_was_dispensed(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        await ReceiveAsync(app, Dispensary, Paracetamol, "API-1", new DateOnly(2031, 5, 31), 3);
        await ReceiveAsync(app, Dispensary, Paracetamol, "API-2", new DateOnly(2032, 1, 31), 20);
        var id = await SignedAsync(app, lines: (Paracetamol, 10));
        using var pharmacist = await SignedInAsync(app, "pharmacist");

        var response = await pharmacist.Client.PostAsJsonAsync($"/api/v1/prescriptions/{id}/dispense", new { store = Dispensary });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["prescriptionId", "dispensationId", "number", "dispensingStatus", "lots"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, body.GetProperty("prescriptionId").GetInt32());
        Assert.StartsWith("CP", body.GetProperty("number").GetString());
        Assert.Equal("complete", body.GetProperty("dispensingStatus").GetString());
        var lots = body.GetProperty("lots").EnumerateArray().ToList();
        Assert.Equal(["drugCode", "lot", "expiry", "quantity"], lots[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("TH0001", "API-1", "2031-05-31", 3m), (lots[0].GetProperty("drugCode").GetString(), lots[0].GetProperty("lot").GetString(),
            lots[0].GetProperty("expiry").GetString(), lots[0].GetProperty("quantity").GetDecimal()));
        Assert.Equal(("API-2", 7m), (lots[1].GetProperty("lot").GetString(), lots[1].GetProperty("quantity").GetDecimal()));

        using var doctor = await SignedInAsync(app, "doctor");
        var read = await doctor.Client.GetAsync($"/api/v1/prescriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var p = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["id", "visitId", "patientId", "status", "form", "nationalCode", "nationalStatus", "nationalSentAt", "nationalMessage", "dispensingStatus", "lines"],
            p.EnumerateObject().Select(x => x.Name));
        Assert.Equal(("signed", "ordinary", "notSent", "complete"), (p.GetProperty("status").GetString(), p.GetProperty("form").GetString(),
            p.GetProperty("nationalStatus").GetString(), p.GetProperty("dispensingStatus").GetString()));
        var line = p.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(["id", "drugCode", "drugName", "unit", "quantity", "usage", "dispensed", "pending"], line.EnumerateObject().Select(x => x.Name));
        Assert.Equal((10m, 10m, 0m), (line.GetProperty("quantity").GetDecimal(), line.GetProperty("dispensed").GetDecimal(), line.GetProperty("pending").GetDecimal()));

        Assert.Equal(HttpStatusCode.NotFound, (await doctor.Client.GetAsync($"/api/v1/prescriptions/{id + 1000}")).StatusCode);
        // Doctors read; only the pharmacy dispenses.
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.Client.PostAsJsonAsync($"/api/v1/prescriptions/{id}/dispense", new { store = Dispensary })).StatusCode);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Short_stock_is_a_409_with_nothing_allocated_and_bad_input_a_422(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "API-S", new DateOnly(2031, 5, 31), 4);
        var id = await SignedAsync(app, lines: (Paracetamol, 10));
        var controlled = await SignedAsync(app, PrescriptionForm.Psychotropic, lines: (Diazepam, 2));
        using var pharmacist = await SignedInAsync(app, "pharmacist");

        var (status, detail) = await ProblemAsync(await pharmacist.Client.PostAsJsonAsync($"/api/v1/prescriptions/{id}/dispense", new { store = Dispensary }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("thiếu 6 Viên", detail);
        Assert.Equal(4m, await OnHandAsync(app, Dispensary, lot));
        Assert.Equal(new Stored(0, 0, DispensingStatus.NotDispensed), await StoredAsync(app, id));

        foreach (var (url, payload, expected) in new (string, object, string)[]
        {
            ($"/api/v1/prescriptions/{id}/dispense", new { }, "Thiếu mã kho"),
            ($"/api/v1/prescriptions/{id}/dispense", new { store = "KHONG-CO" }, "Không có kho mã KHONG-CO"),
            ($"/api/v1/prescriptions/{controlled}/dispense", new { store = Dispensary }, "người nhận"),
        })
        {
            var (s, d) = await ProblemAsync(await pharmacist.Client.PostAsJsonAsync(url, payload));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, s);
            Assert.Contains(expected, d);
        }
        var (notFound, _) = await ProblemAsync(await pharmacist.Client.PostAsJsonAsync($"/api/v1/prescriptions/{id + 1000}/dispense", new { store = Dispensary }));
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        await AssertLedgerAgreesAsync(app);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Twenty_parallel_API_dispensations_over_real_HTTP_for_a_lot_of_ten_hand_out_exactly_ten(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider, kestrel: true);
        var lot = await ReceiveAsync(app, Dispensary, Paracetamol, "API-RACE", new DateOnly(2031, 5, 31), 10);
        var prescriptions = await ManySignedAsync(app, 20, PrescriptionForm.Ordinary, null, (Paracetamol, 1));
        using var pharmacist = new WebSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
            { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(120) });
        Assert.True(WebSession.IsRedirectTo(await pharmacist.SignInAsync("pharmacist"), "/"));

        var responses = await Task.WhenAll(prescriptions.Select(id => pharmacist.Client.PostAsJsonAsync($"/api/v1/prescriptions/{id}/dispense", new { store = Dispensary })));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0m, await OnHandAsync(app, Dispensary, lot));
        await using var db = app.Database.NewContext();
        Assert.Equal(10, await db.Set<StockMovement>().CountAsync(m => m.LotId == lot && m.Kind == StockMovementKind.Dispense));
        Assert.Empty(await StockLedgerCheck.DifferencesAsync(db));
    }

    internal static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user)
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(user), "/"));
        return session;
    }

    private static async Task<(HttpStatusCode, string)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("detail").GetString() ?? "");
    }
}
