using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Patients;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Reception;

/// <summary>Shared set-up of the reception tests: an app without demo patients, a signed-in clerk, a patient body as a kiosk sends it.</summary>
internal static class ReceptionTestKit
{
    public static readonly DateOnly Today = Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
    public const string NinhBinhCommune = "13285";

    public static Task<HospitalAppFactory> StartAsync(DatabaseProvider provider) =>
        HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?> { ["Demo:Patients"] = "0" });

    public static async Task<WebSession> SignedInAsync(HospitalAppFactory app, string user = "reception")
    {
        var session = app.NewSession();
        Assert.True(WebSession.IsRedirectTo(await session.SignInAsync(user), "/"), $"{user} could not sign in");
        return session;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>A valid adult with a CCCD, phone and a current card; override what a test needs.</summary>
    public static Dictionary<string, object?> Adult(string name = "Nguyễn Văn An", string cccd = "037090123456", string card = "GD4373712345678",
        string phone = "0912345678", string birthDate = "1990-02-01", string sex = "M") => new()
    {
        ["fullName"] = name,
        ["birthDate"] = birthDate,
        ["sex"] = sex,
        ["cccd"] = cccd,
        ["phone"] = phone,
        ["address"] = "Số 12, đường Trần Hưng Đạo",
        ["provinceCode"] = "37",
        ["communeCode"] = NinhBinhCommune,
        ["ethnicityCode"] = "01",
        ["bhytCardNumber"] = card,
        ["bhytValidFrom"] = Iso(Today.AddDays(-30)),
        ["bhytValidTo"] = Iso(Today.AddDays(300)),
        ["bhytPrimaryFacilityCode"] = "37001",
    };

    public static async Task<HttpResponseMessage> PostPatientAsync(WebSession clerk, Dictionary<string, object?> body) =>
        await clerk.Client.PostAsJsonAsync("/api/v1/patients", body);

    public static async Task<int> CreateAsync(WebSession clerk, Dictionary<string, object?> body)
    {
        var response = await PostPatientAsync(clerk, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<(int Patients, int Cards, int Keys)> CountsAsync(HospitalAppFactory app)
    {
        await using var db = app.Database.NewContext();
        return (await db.Set<Patient>().CountAsync(), await db.Set<BhytCard>().CountAsync(), await db.Set<PatientNameKey>().CountAsync());
    }
}
