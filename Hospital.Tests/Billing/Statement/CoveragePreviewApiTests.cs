using System.Net;
using System.Text.Json;
using Hospital.Domain.Visits;
using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;
using static Hospital.Tests.Billing.Statement.StatementTestKit;

namespace Hospital.Tests.Billing.Statement;

/// <summary>POST /api/v1/visits/{id}/coverage-preview as a cashier's client reads it (issue 6 "API contract").</summary>
public sealed class CoveragePreviewApiTests
{
    private static async Task<JsonElement> PreviewAsync(WebSession session, int visitId)
    {
        var response = await session.Client.PostAsync($"/api/v1/visits/{visitId}/coverage-preview", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static decimal[] Money(JsonElement e, params string[] names) => names.Select(n => e.GetProperty(n).GetDecimal()).ToArray();

    private static JsonElement Line(JsonElement preview, string code) =>
        preview.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_BHYT_visit_is_split_per_line_and_in_total_to_the_dong(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var visitId = await VisitWithChargesAsync(app, VisitKind.Bhyt);
        using var cashier = await SignedInAsync(app, "cashier");

        var p = await PreviewAsync(cashier, visitId);

        Assert.Equal("bhyt", p.GetProperty("kind").GetString());
        // In-scope cost 557,518.25 is above 15% of the base salary: the category's 80% applies.
        Assert.Equal(80m, p.GetProperty("mucHuong").GetDecimal());
        Assert.Equal("category", p.GetProperty("reason").GetString());
        string[] fields = ["thanhTienBv", "thanhTienBh", "bhtt", "bncct", "bntt", "nguonKhac"];
        // Exam fee 39,000 at the BHYT price: the fund pays 80%, the patient 20%.
        Assert.Equal([39_000m, 39_000m, 31_200m, 7_800m, 0m, 0m], Money(Line(p, "02.1896.1888"), fields));
        // Lab at 550,000 with a BHYT price of 500,000: the 50,000 difference is the patient's (BNTT).
        Assert.Equal([550_000m, 500_000m, 400_000m, 100_000m, 50_000m, 0m], Money(Line(p, LabCode), fields));
        // 3 × 12,345.5 = 37,036.5 with TYLE_TT_BH 50%: BH 18,518.25; 80% of it 14,814.6; the rest co-paid; the other half out of scope.
        Assert.Equal([37_036.5m, 18_518.25m, 14_814.6m, 3_703.65m, 18_518.25m, 0m], Money(Line(p, DrugCode), fields));
        Assert.Equal(50m, Line(p, DrugCode).GetProperty("payableRatio").GetDecimal());
        Assert.Equal([626_036.5m, 557_518.25m, 446_014.6m, 111_503.65m, 68_518.25m, 0m, 180_021.9m],
            Money(p.GetProperty("totals"), "tongChiBv", "tongChiBh", "bhtt", "bncct", "bntt", "nguonKhac", "patientPays"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_fee_paying_patient_pays_everything_and_a_free_visit_nothing(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var fee = await VisitWithChargesAsync(app, VisitKind.Fee);
        var free = await VisitWithChargesAsync(app, VisitKind.Free);
        using var cashier = await SignedInAsync(app, "cashier");

        var f = await PreviewAsync(cashier, fee);
        Assert.Equal((0m, "notInsured"), (f.GetProperty("mucHuong").GetDecimal(), f.GetProperty("reason").GetString()));
        Assert.Equal([0m, 0m, 0m, 550_000m, 0m], Money(Line(f, LabCode), "bhtt", "bncct", "nguonKhac", "bntt", "thanhTienBh"));
        var feeTotal = f.GetProperty("totals").GetProperty("tongChiBv").GetDecimal();
        Assert.Equal(feeTotal, f.GetProperty("totals").GetProperty("patientPays").GetDecimal());
        Assert.Equal(feeTotal, f.GetProperty("totals").GetProperty("bntt").GetDecimal());

        var z = await PreviewAsync(cashier, free);
        Assert.Equal("free", z.GetProperty("kind").GetString());
        var totals = z.GetProperty("totals");
        // The hospital's own fund pays a free visit: costed in full, paid by other sources (T_NGUONKHAC).
        Assert.Equal(totals.GetProperty("tongChiBv").GetDecimal(), totals.GetProperty("nguonKhac").GetDecimal());
        Assert.Equal(0m, totals.GetProperty("patientPays").GetDecimal());
        Assert.Equal(37_036.5m, Line(z, DrugCode).GetProperty("nguonKhac").GetDecimal());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_unknown_visit_is_a_404_problem_in_Vietnamese(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        using var cashier = await SignedInAsync(app, "cashier");

        var response = await cashier.Client.PostAsync("/api/v1/visits/987654/coverage-preview", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có lượt khám 987654", await response.Content.ReadAsStringAsync());
    }
}
