using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;
using static Hospital.Tests.Visits.VisitTestKit;

namespace Hospital.Tests.Lis;

/// <summary>The lab API contract of issue 5: field names, status codes, nothing stored on an unknown test.</summary>
public sealed class LabApiTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Tests_orders_and_receipt_by_the_contract(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");

        var tests = (await lab.Client.GetFromJsonAsync<JsonElement>("/api/v1/lab-tests")).GetProperty("items").EnumerateArray().ToList();
        var glu = tests.Single(t => t.GetProperty("code").GetString() == "SH-GLU");
        Assert.Equal(["code", "name", "unit", "specimenType", "resultType"], glu.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Định lượng glucose (máu)", "mmol/L", "serum", "numeric"), (glu.GetProperty("name").GetString(),
            glu.GetProperty("unit").GetString(), glu.GetProperty("specimenType").GetString(), glu.GetProperty("resultType").GetString()));
        Assert.Equal("coded", tests.Single(t => t.GetProperty("code").GetString() == "MD-HBSAG").GetProperty("resultType").GetString());

        var patient = await PatientAsync(app);
        var created = await lab.Client.PostAsJsonAsync("/api/v1/lab-orders",
            new { patientId = patient.Id, tests = new[] { "HH-WBC", "HH-HGB", "SH-GLU", "SH-K", "SH-HBA1C" }, priority = "stat" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["orderId", "specimens"], body.EnumerateObject().Select(p => p.Name));
        var specimens = body.GetProperty("specimens").EnumerateArray().ToList();
        Assert.Equal(["barcode", "specimenType", "tests"], specimens[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([("wholeBloodEdta", "HH-WBC,HH-HGB,SH-HBA1C"), ("serum", "SH-GLU,SH-K")], specimens.Select(s =>
            (s.GetProperty("specimenType").GetString(), string.Join(",", s.GetProperty("tests").EnumerateArray().Select(t => t.GetString())))));
        var orderId = body.GetProperty("orderId").GetInt64();
        await using (var db = app.Database.NewContext())
        {
            var order = await db.Set<LabOrder>().SingleAsync(o => o.Id == orderId);
            Assert.Equal((patient.Id, Domain.Clinical.OrderPriority.Stat, LabOrderSource.Api), (order.PatientId, order.Priority, order.Source));
        }

        var barcode = specimens[1].GetProperty("barcode").GetString()!;
        var received = await lab.Client.PostAsync($"/api/v1/specimens/{barcode}/receive", null);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var receipt = await received.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(receipt.GetProperty("alreadyReceived").GetBoolean());
        Assert.All(receipt.GetProperty("tests").EnumerateArray(), t => Assert.Equal("received", t.GetProperty("status").GetString()));
        var again = await (await lab.Client.PostAsync($"/api/v1/specimens/{barcode}/receive", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadyReceived").GetBoolean());
        var unknown = await lab.Client.PostAsync("/api/v1/specimens/0000000000/receive", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không tìm thấy ống mẫu", await unknown.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_unknown_test_code_is_422_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var patient = await PatientAsync(app);
        var before = await CountLabAsync(app);

        var response = await lab.Client.PostAsJsonAsync("/api/v1/lab-orders", new { patientId = patient.Id, tests = new[] { "SH-GLU", "XX-NOPE" }, priority = "routine" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("XX-NOPE", problem.GetProperty("errors").GetProperty("tests")[0].GetString());
        Assert.Equal(before, await CountLabAsync(app));

        Assert.Equal(HttpStatusCode.BadRequest, (await lab.Client.PostAsJsonAsync("/api/v1/lab-orders", new { tests = new[] { "SH-GLU" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lab.Client.PostAsJsonAsync("/api/v1/lab-orders", new { patientId = patient.Id, tests = new[] { "SH-GLU" }, priority = "soon" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Client.PostAsJsonAsync("/api/v1/lab-orders", new { visitId = 999999, tests = new[] { "SH-GLU" } })).StatusCode);
        Assert.Equal(before, await CountLabAsync(app));

        // Not a lab role: refused.
        using var clerk = await QueueWebKit.SignedInAsync(app, "reception");
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.Client.GetAsync("/api/v1/lab-tests")).StatusCode);
    }
}
