using Hospital.Integration.Bhxh;
using Hospital.Integration.Bhxh.Simulator;

namespace Hospital.Tests.Insurance;

/// <summary>Tests of the real HTTP client against a portal simulator of their own on a loopback port, started and stopped around each test.</summary>
public abstract class PortalSimulatorTests : IAsyncLifetime
{
    protected const string User = "37001_BV";
    protected const string Password = "mật-khẩu-1";
    private HttpClient _http = null!;

    protected BhxhPortalSimulator Simulator { get; } = new(User, Password);

    public async Task InitializeAsync()
    {
        await Simulator.StartAsync();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await Simulator.DisposeAsync();
    }

    protected BhxhPortalClient Client(BhxhTokenCache? tokens = null, string password = Password, BhxhBodyFormat card = BhxhBodyFormat.Json, BhxhBodyFormat submit = BhxhBodyFormat.Form) =>
        new(_http, new BhxhOptions { BaseUrl = Simulator.BaseAddress.ToString(), Username = User, Password = password, CardCheckBodyFormat = card, SubmitBodyFormat = submit },
            tokens ?? new BhxhTokenCache(TimeProvider.System), TimeProvider.System);
}
