using System.Net;
using System.Net.Sockets;
using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Simulator;

namespace Hospital.Tests.Insurance;

/// <summary>The real HTTP client against the simulator over loopback HTTP (bhyt-claims.md §6).</summary>
public sealed class BhxhPortalClientTests : PortalSimulatorTests
{
    private static CardLookupRequest Lookup(string card, string name = "Nguyễn Văn An", DateOnly? birth = null, int year = 1980) =>
        new(card, name, birth, birth?.Year ?? year, "Trần Thị Tiếp Đón", "037190001234");

    [Fact]
    public void The_password_goes_as_upper_case_MD5_hex()
    {
        Assert.Equal("E10ADC3949BA59ABBE56E057F20F883E", BhxhPortalClient.Md5Upper("123456"));
    }

    [Fact]
    public async Task One_token_serves_many_calls_until_it_nears_expiry()
    {
        var tokens = new BhxhTokenCache(TimeProvider.System);
        var client = Client(tokens);
        for (var i = 0; i < 3; i++) Assert.Equal("000", (await client.CheckCardAsync(Lookup("DN4370123456789"))).ResultCode);
        Assert.Equal(1, Simulator.TokensIssued);

        // A token with less than a minute left is not used: the next call logs in again.
        Simulator.TokenLifetime = TimeSpan.FromSeconds(50);
        var fresh = Client(new BhxhTokenCache(TimeProvider.System));
        await fresh.CheckCardAsync(Lookup("DN4370123456789"));
        await fresh.CheckCardAsync(Lookup("DN4370123456789"));
        Assert.Equal(3, Simulator.TokensIssued);
    }

    [Fact]
    public async Task A_refused_token_is_taken_again_once()
    {
        var client = Client();
        await client.CheckCardAsync(Lookup("DN4370123456789"));
        Simulator.RevokeAllTokens();
        var result = await client.CheckCardAsync(Lookup("DN4370123456789"));
        Assert.Equal("000", result.ResultCode);
        Assert.Equal(2, Simulator.TokensIssued);
    }

    [Fact]
    public async Task A_wrong_password_is_a_portal_error_not_an_outage()
    {
        var ex = await Assert.ThrowsAsync<BhxhPortalException>(() => Client(password: "sai").CheckCardAsync(Lookup("DN4370123456789")));
        Assert.IsNotType<BhxhPortalUnavailableException>(ex);
        Assert.Contains("không cấp phiên đăng nhập", ex.Message);
    }

    [Theory]
    [InlineData("DN437012345678", "051")]  // 14 characters
    [InlineData("DN4AB0123456789", "052")] // province characters 4–5 not digits
    [InlineData("DN7370123456789", "053")] // benefit level 7
    public async Task Malformed_card_codes_get_the_portal_shape_codes(string card, string code)
    {
        foreach (var format in new[] { BhxhBodyFormat.Json, BhxhBodyFormat.Form })
            Assert.Equal(code, (await Client(card: format).CheckCardAsync(Lookup(card))).ResultCode);
    }

    [Fact]
    public async Task A_registered_card_is_judged_on_name_birth_date_and_validity()
    {
        var today = Hospital.Domain.Common.VietnamCalendar.Today(TimeProvider.System);
        Simulator.AddCard(new SimulatedCard
        {
            CardNumber = "HT3370000000001", FullName = "Lê Thị Bình", BirthDate = new DateOnly(1950, 3, 4), Sex = "Nữ",
            RegisteredFacilityCode = "37002", ValidFrom = today.AddYears(-1), ValidTo = today.AddYears(1),
            FiveYearsContinuousFrom = new DateOnly(2021, 1, 1), AreaCode = "K2",
        });
        Simulator.AddCard(new SimulatedCard
        {
            CardNumber = "DN4370000000002", FullName = "Phạm Văn Cường", BirthYear = 1970,
            RegisteredFacilityCode = "37001", ValidFrom = today.AddYears(-2), ValidTo = today.AddDays(-1),
        });
        Simulator.AddCard(new SimulatedCard
        {
            CardNumber = "DN4370000000003", FullName = "Đỗ Minh Châu", BirthYear = 1990, RegisteredFacilityCode = "37001",
            ValidFrom = today.AddYears(-1), ValidTo = today.AddDays(-3),
            NewCardNumber = "DN4370000000003", NewValidFrom = today.AddDays(-2), NewValidTo = today.AddYears(1),
        });
        var client = Client();

        var ok = await client.CheckCardAsync(Lookup("HT3370000000001", "LÊ THỊ BÌNH", new DateOnly(1950, 3, 4)));
        Assert.Equal("000", ok.ResultCode);
        Assert.Equal((today.AddYears(-1), today.AddYears(1)), (ok.ValidFrom!.Value, ok.ValidTo!.Value));
        Assert.Equal("37002", ok.RegisteredFacilityCode);
        Assert.Equal(new DateOnly(2021, 1, 1), ok.FiveYearsContinuousFrom);
        Assert.Equal("K2", ok.AreaCode);
        Assert.Equal("0000000001", ok.SocialInsuranceNumber);
        Assert.Contains("\"maKetQua\":\"000\"", ok.RawJson);
        Assert.Single(ok.Checks);

        Assert.Equal("060", (await client.CheckCardAsync(Lookup("HT3370000000001", "Trần Văn Bình", new DateOnly(1950, 3, 4)))).ResultCode);
        Assert.Equal("061", (await client.CheckCardAsync(Lookup("HT3370000000001", "Lê Thị Bích", new DateOnly(1950, 3, 4)))).ResultCode);
        Assert.Equal("070", (await client.CheckCardAsync(Lookup("HT3370000000001", "Lê Thị Bình", new DateOnly(1951, 3, 4)))).ResultCode);
        Assert.Equal("010", (await client.CheckCardAsync(Lookup("DN4370000000002", "Phạm Văn Cường", year: 1970))).ResultCode);
        var renewed = await client.CheckCardAsync(Lookup("DN4370000000003", "Đỗ Minh Châu", year: 1990));
        Assert.Equal("003", renewed.ResultCode);
        Assert.Equal(today.AddYears(1), renewed.NewValidTo);

        // An unknown well-formed card: 000 with this year's validity, echoing what was sent.
        var unknown = await client.CheckCardAsync(Lookup("CH4370999999999", "Vũ Thị Dung", year: 1985));
        Assert.Equal(("000", "Vũ Thị Dung", "1985", "37001"), (unknown.ResultCode, unknown.FullName, unknown.BirthDate, unknown.RegisteredFacilityCode));
        Assert.Equal(new DateOnly(today.Year, 12, 31), unknown.ValidTo);
    }

    [Fact]
    public async Task An_officer_without_a_registered_CCCD_gets_054()
    {
        var r = await Client().CheckCardAsync(new CardLookupRequest("DN4370123456789", "Nguyễn Văn An", null, 1980, "Ai đó", ""));
        Assert.Equal("054", r.ResultCode);
    }

    [Fact]
    public async Task A_stopped_portal_is_unavailable_and_a_restarted_one_answers_on_the_same_address()
    {
        var client = Client();
        var port = Simulator.Port;
        await Simulator.StopAsync();
        await Assert.ThrowsAsync<BhxhPortalUnavailableException>(() => client.CheckCardAsync(Lookup("DN4370123456789")));
        await Simulator.StartAsync();
        Assert.Equal(port, Simulator.Port);
        Assert.Equal("000", (await client.CheckCardAsync(Lookup("DN4370123456789"))).ResultCode);
    }

    [Fact]
    public async Task A_portal_that_accepts_but_never_answers_times_out_as_unavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var client = new BhxhPortalClient(http, new BhxhOptions { BaseUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", Username = User, Password = Password },
            new BhxhTokenCache(TimeProvider.System), TimeProvider.System);
        var ex = await Assert.ThrowsAsync<BhxhPortalUnavailableException>(() => client.CheckCardAsync(Lookup("DN4370123456789")));
        Assert.Contains("không trả lời", ex.Message);
    }

    [Theory]
    [InlineData(BhxhBodyFormat.Form)]
    [InlineData(BhxhBodyFormat.Json)]
    public async Task A_signed_check_in_is_received_and_an_unsigned_one_refused(BhxhBodyFormat format)
    {
        var signer = new FacilityXmlSigner(TestCertificates.Facility);
        var client = Client(submit: format);

        var signed = CheckInXml.ToBytes(signer.Sign(CheckInXml.Build(CheckInXmlTests.Sample())));
        var ok = await client.SendCheckInAsync(new CheckInSubmission("37001", signed));
        Assert.True(ok.Accepted, ok.RawJson);
        Assert.StartsWith("GD", ok.TransactionCode);
        Assert.Equal("Tiếp nhận thành công", ok.Message);
        Assert.Equal(14, ok.ReceivedAt!.Length);
        Assert.Contains(Simulator.CheckIns, c => c.TransactionCode == ok.TransactionCode && c.MaLk == "2611220000001");

        var unsigned = await client.SendCheckInAsync(new CheckInSubmission("37001", CheckInXml.ToBytes(CheckInXml.Build(CheckInXmlTests.Sample()))));
        Assert.False(unsigned.Accepted);
        Assert.Contains("chưa được ký số", unsigned.Message);

        var tampered = System.Text.Encoding.UTF8.GetString(signed).Replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        var bad = await client.SendCheckInAsync(new CheckInSubmission("37001", System.Text.Encoding.UTF8.GetBytes(tampered)));
        Assert.Equal("Chữ ký số không hợp lệ", bad.Message);
    }
}
