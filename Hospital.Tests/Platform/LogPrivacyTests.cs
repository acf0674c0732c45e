using Hospital.Domain.Data;
using Hospital.Tests.Infrastructure;

namespace Hospital.Tests.Platform;

/// <summary>Logs carry request id and user, never what was searched for (names, CCCD, card numbers).</summary>
public sealed class LogPrivacyTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Request_logs_have_request_id_and_user_but_not_the_searched_patient_data(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider,
            new Dictionary<string, string?> { ["Logging:LogLevel:Hospital"] = "Information" });
        using var session = app.NewSession();
        await session.SignInAsync("reception");
        const string name = "Nguyễn Thị Bí Mật";
        const string cccd = "037199001234";
        const string card = "GD4373712345678";
        await session.Client.GetAsync($"/reception?q={Uri.EscapeDataString(name)}&cccd={cccd}&card={card}");

        var logs = app.Logs.All;
        Assert.Contains("GET /reception", logs);
        Assert.Contains("User=reception", logs);
        Assert.Contains("RequestId=", logs);
        Assert.DoesNotContain("Bí Mật", logs);
        Assert.DoesNotContain(Uri.EscapeDataString(name), logs);
        Assert.DoesNotContain(cccd, logs);
        Assert.DoesNotContain(card, logs);
    }
}
