using System.Net;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Transport;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// The host side for simulator tests: an <see cref="AstmLinkSession"/> (computer role) over one end of a socat pty pair
/// or a TCP connection, its events collected in order, and the simulator's channel for the other end.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly List<AstmLinkEvent> _events = [];
    private readonly Task _run;
    private readonly Task _collect;
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncDisposable? _owned;
    private readonly SocatPtyPair? _pty;

    private SimulatorHost(IByteChannel hostChannel, IByteChannel analyserChannel, AstmLinkOptions? options, TimeSpan limit, SocatPtyPair? pty, IAsyncDisposable? owned)
    {
        _stop = new CancellationTokenSource(limit);
        _pty = pty;
        _owned = owned;
        AnalyserChannel = analyserChannel;
        Session = new AstmLinkSession(hostChannel, options);
        _run = Session.RunAsync(_stop.Token);
        _collect = Task.Run(async () =>
        {
            await foreach (var e in Session.Events.ReadAllAsync(CancellationToken.None)) lock (_events) _events.Add(e);
        });
    }

    /// <summary>Host and analyser on the two ends of a fresh socat pty pair.</summary>
    public static SimulatorHost OverPty(AstmLinkOptions? options = null, int baud = 9600, int limitSeconds = 60)
    {
        var pty = new SocatPtyPair();
        var host = SerialPortChannel.Open(new SerialSettings(pty.HostEnd, baud));
        var analyser = SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd, baud));
        return new SimulatorHost(host, analyser, options, TimeSpan.FromSeconds(limitSeconds), pty, null);
    }

    /// <summary>Host listening on a loopback port, the analyser connected to it as a TCP client.</summary>
    public static async Task<SimulatorHost> OverTcpAsync(AstmLinkOptions? options = null, int limitSeconds = 60)
    {
        var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var accepting = listener.AcceptAsync(CancellationToken.None).AsTask();
        var analyser = await new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port).ConnectAsync(CancellationToken.None);
        return new SimulatorHost(await accepting, analyser, options, TimeSpan.FromSeconds(limitSeconds), null, listener);
    }

    public AstmLinkSession Session { get; }

    /// <summary>The other end, for the simulator (it takes ownership).</summary>
    public IByteChannel AnalyserChannel { get; }

    public CancellationToken Token => _stop.Token;

    public IReadOnlyList<AstmLinkEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public IReadOnlyList<string> ReceivedTexts => Events.OfType<AstmMessageReceived>().Select(m => m.Text).ToList();

    /// <summary>The received E1381 messages put together into E1394 messages.</summary>
    public IReadOnlyList<AstmMessage> Messages()
    {
        var assembler = new AstmMessageAssembler();
        return ReceivedTexts.SelectMany(assembler.Add).ToList();
    }

    /// <summary>Waits until the collected events satisfy <paramref name="done"/> (fails the test at the limit).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<AstmLinkEvent>, bool> done)
    {
        while (!done(Events))
        {
            if (_stop.IsCancellationRequested) throw new TimeoutException($"condition not reached; events: {string.Join(" | ", Events)}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run; } catch (OperationCanceledException) { }
        await Session.DisposeAsync();
        await _collect;
        if (_owned is not null) await _owned.DisposeAsync();
        _pty?.Dispose();
        _stop.Dispose();
    }
}
