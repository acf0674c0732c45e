using Hospital.Domain.Clinical;
using Hospital.Domain.Patients;
using Hospital.Emr.Prescriptions;
using Hospital.Integration.Bhxh;
using Hospital.Integration.EPrescription;
using Hospital.Integration.EPrescription.Simulator;

namespace Hospital.Tests.Pharmacy.EPrescriptions;

/// <summary>The real HTTP client against the simulator over loopback HTTP: login, bearer token, refresh on 401, refusals, outage.</summary>
public sealed class EPrescriptionClientTests : IAsyncLifetime
{
    private const string LinkCode = "LT37001", Password = "mat-khau";
    private readonly EPrescriptionSimulator _simulator = new(LinkCode, Password);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync() => _simulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    private EPrescriptionClient Client(string password = Password) =>
        new(_http, new EPrescriptionOptions { BaseUrl = _simulator.BaseAddress.ToString(), FacilityLinkCode = LinkCode, Password = password },
            new BhxhTokenCache(TimeProvider.System), TimeProvider.System);

    [Fact]
    public async Task A_prescription_is_received_with_one_login_and_a_refused_token_is_renewed_once()
    {
        var client = Client();
        var first = await client.SendAsync(Payload());
        Assert.True(first.Accepted, first.Message);
        Assert.StartsWith("Gửi đơn thuốc thành công (checksum ", first.Message);
        Assert.Equal(200, first.HttpStatus);
        Assert.Equal(1, _simulator.Logins);

        Assert.True((await client.SendAsync(Payload())).Accepted);
        Assert.Equal(1, _simulator.Logins); // the token is cached

        _simulator.RevokeAllTokens();
        var afterRevoke = await client.SendAsync(Payload());
        Assert.True(afterRevoke.Accepted, afterRevoke.Message);
        Assert.Equal(2, _simulator.Logins); // 401 → logged in again, sent once more
        Assert.Equal(3, _simulator.Received.Count);
    }

    [Fact]
    public async Task A_code_sent_twice_and_a_child_without_guardian_are_refused_with_the_reasons()
    {
        var client = Client();
        var payload = Payload();
        Assert.True((await client.SendAsync(payload)).Accepted);
        var again = await client.SendAsync(payload);
        Assert.False(again.Accepted);
        Assert.Equal(422, again.HttpStatus);
        Assert.Contains("Đơn thuốc đã được sử dụng trước đó", again.Message);

        var child = Payload() with { BirthDate = EPrescriptionPayloadBuilder.Date(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-20)), Guardian = null };
        var refused = await client.SendAsync(child);
        Assert.False(refused.Accepted);
        Assert.Contains("thong_tin_nguoi_giam_ho", refused.Message);
        Assert.Contains("danh_sach_cac_loi", refused.RawReply);

        var narcotic = Payload() with { FormCode = "n", Round = null, Lines = [new EPrescriptionLine("TH0057", "Morphin", "", "Ống", "2", "")] };
        var errors = (await client.SendAsync(narcotic)).Message;
        Assert.Contains("dot_dung_thuoc", errors);
        Assert.Contains("biet_duoc và ten_thuoc", errors);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_error_and_an_outage_is_unavailable()
    {
        var wrong = await Assert.ThrowsAsync<EPrescriptionException>(() => Client("sai").SendAsync(Payload()));
        Assert.Contains("không cho cơ sở LT37001 đăng nhập", wrong.Message);

        _simulator.Unavailable = true;
        Assert.Contains("HTTP 503", (await Assert.ThrowsAsync<EPrescriptionUnavailableException>(() => Client().SendAsync(Payload()))).Message);
        _simulator.Unavailable = false;
        await _simulator.StopAsync();
        Assert.Contains("Không kết nối được", (await Assert.ThrowsAsync<EPrescriptionUnavailableException>(() => Client().SendAsync(Payload()))).Message);
    }

    [Fact]
    public void The_token_lifetime_comes_from_the_jwt_when_the_reply_has_none()
    {
        static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var jwt = $"{B64("{\"alg\":\"HS256\"}")}.{B64("{\"exp\":1790000000}")}.sig";
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790000000).UtcDateTime, EPrescriptionClient.JwtExpiry(jwt));
        Assert.Null(EPrescriptionClient.JwtExpiry("not-a-jwt"));
    }

    private static EPrescriptionPayload Payload()
    {
        var rx = new Prescription
        {
            Form = PrescriptionForm.Ordinary, Status = PrescriptionStatus.Signed, NationalCode = NationalPrescriptionCode.New("37001", PrescriptionForm.Ordinary),
            SignedAt = DateTime.UtcNow, DiagnosisCodes = "J06.9", DiagnosisText = "Viêm họng cấp", StartDate = DateOnly.FromDateTime(DateTime.UtcNow),
            Lines = [new PrescriptionLine { Position = 1, DrugCode = "TH0001", DrugName = "Paracetamol 500mg", ActiveIngredient = "Paracetamol", Strength = "500mg", Unit = "Viên", Quantity = 10 }],
        };
        var patient = new Patient { FullName = "Lê Thị Hoa", DateOfBirth = new DateOnly(1990, 1, 2), BirthYear = 1990, Sex = Sex.Female, AddressLine = "Số 1, đường Trần Phú" };
        return EPrescriptionPayloadBuilder.Build(rx, patient, null, null, new EPrescriptionOptions());
    }
}
