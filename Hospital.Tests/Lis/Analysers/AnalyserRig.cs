using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport.Serial;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Protocols;
using Hospital.Web.Features.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// The app with one ASTM analyser declared in configuration on one end of a socat pty pair, and the simulated analyser
/// on the other end: what a lab has when an RS-232 cable joins the instrument to the LIS server.
/// </summary>
internal sealed class AnalyserRig : IAsyncDisposable
{
    /// <summary>
    /// The instrument's E1381 timers, with a short contention wait; the 15 s reply timer stays, since the app's first store
    /// after a start (cold EF queries on a busy test machine) may take seconds before the held final ACK goes out.
    /// </summary>
    public static readonly AstmSimulatorTimings Quick = new() { ContentionDelay = TimeSpan.FromMilliseconds(300), QueryAnswerTimeout = TimeSpan.FromSeconds(30) };

    private AnalyserRig(HospitalAppFactory app, SocatPtyPair pty, string name, int baud)
    {
        App = app;
        Pty = pty;
        Name = name;
        Baud = baud;
    }

    public HospitalAppFactory App { get; }
    public SocatPtyPair Pty { get; }
    public string Name { get; }
    public int Baud { get; }

    public static Dictionary<string, string?> SerialSettings(string name, string device, int baud, bool broadcast = false) => new()
    {
        ["Lis:Analysers:0:Name"] = name,
        ["Lis:Analysers:0:Model"] = "Sysmex XN-1000",
        ["Lis:Analysers:0:Section"] = "Huyết học",
        ["Lis:Analysers:0:Protocol"] = "astm",
        ["Lis:Analysers:0:Transport"] = "serial",
        ["Lis:Analysers:0:Device"] = device,
        ["Lis:Analysers:0:Baud"] = baud.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lis:Analysers:0:Direction"] = "bi",
        ["Lis:Analysers:0:Broadcast"] = broadcast ? "true" : "false",
    };

    /// <summary>XN1 (the demo haematology analyser, with its code map) on a pty at <paramref name="baud"/>, connected.</summary>
    public static async Task<AnalyserRig> StartAsync(DatabaseProvider provider, int baud = 9600, bool broadcast = false)
    {
        var pty = new SocatPtyPair();
        try
        {
            var app = await HospitalAppFactory.StartAsync(provider, SerialSettings("XN1", pty.HostEnd, baud, broadcast));
            var rig = new AnalyserRig(app, pty, "XN1", baud);
            await rig.Sessions.Started;
            await WaitUntilAsync(() => Task.FromResult(rig.Board.Find("XN1")?.Connected == true), "XN1 connected");
            return rig;
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    public AnalyserSessions Sessions => App.Services.GetRequiredService<AnalyserSessions>();
    public AnalyserStatusBoard Board => App.Services.GetRequiredService<AnalyserStatusBoard>();

    /// <summary>A simulated analyser on the instrument end of the pty.</summary>
    public AstmAnalyserSimulator Simulator(AstmAnalyserProfile profile, AstmSimulatorFaults? faults = null, int seed = 1) =>
        new(SerialPortChannel.Open(new SerialSettings(Pty.InstrumentEnd, Baud)), profile, faults, Quick, seed);

    /// <summary>40 results: the 28 of the haematology menu and 12 research parameters the LIS has no code for.</summary>
    public static SimulatedSample FortyResults(string barcode, string comment, int seed = 7)
    {
        var extra = Enumerable.Range(1, 12).Select(i => new SimulatedTest($"RES-{i:00}", "%", 1, 10, 1)).ToList();
        return new SimulatedResultGenerator(seed).Sample(barcode, [.. AstmAnalyserProfile.Haematology.Menu, .. extra], comment);
    }

    public static async Task<int> CountAsync<T>(HospitalAppFactory app, System.Linq.Expressions.Expression<Func<T, bool>>? where = null) where T : class
    {
        await using var db = app.Database.NewContext();
        var set = db.Set<T>().AsQueryable();
        return await (where is null ? set : set.Where(where)).CountAsync();
    }

    /// <summary>A TCP port nobody listens on right now (for tcp-server analysers and the app's own HTTP port).</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>Free loopback ports, all bound at once (so they differ), then released for the app.</summary>
    public static IReadOnlyList<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    /// <summary>Whether something accepts TCP connections on the loopback port (an analyser session listening).</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until the analyser session listening on <paramref name="port"/> accepts (the host starts it in the background).</summary>
    public static Task ListeningAsync(int port) => WaitUntilAsync(() => AcceptsAsync(port), $"an analyser session listening on port {port}");

    /// <summary>Polls <paramref name="condition"/> every 50 ms for up to 60 s (a functional limit, not a timing assertion).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > limit) throw new TimeoutException($"not reached within 60 s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary><c>GET /api/v1/analysers</c> as the lab technician sees it.</summary>
    public static async Task<List<JsonElement>> AnalysersApiAsync(WebSession lab)
    {
        var response = await lab.Client.GetAsync("/api/v1/analysers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Pty.Dispose();
    }
}
