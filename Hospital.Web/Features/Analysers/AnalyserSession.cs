using System.Net;
using Hospital.Domain.Lab;
using Hospital.Integration.Transport;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// One analyser's hosted session: keeps its transport up and runs its protocol's dialogue over every connection.
/// Serial: opens the port, reopens it after a failure; tcp-client: connects, reconnects with <see cref="ReconnectBackoff"/>;
/// tcp-server: listens on the port, one dialogue per accepted connection (an analyser may reconnect at any time).
/// Stopping cancels everything and waits for it.
/// </summary>
public sealed class AnalyserSession : IAsyncDisposable
{
    private readonly IAnalyserDialogue _dialogue;
    private readonly AnalyserStatusBoard _board;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public AnalyserSession(AnalyserLink link, IAnalyserDialogue dialogue, AnalyserStatusBoard board, ReconnectBackoff backoff)
    {
        Link = link;
        _dialogue = dialogue;
        _board = board;
        _backoff = backoff;
        _run = Task.Run(() => RunAsync(_stop.Token));
    }

    public AnalyserLink Link { get; }

    private Analyser A => Link.Definition;

    /// <summary>Where the analyser is reached, as the status screen shows it.</summary>
    public static string Address(Analyser a) => a.Transport switch
    {
        AnalyserTransport.Serial => $"{a.Device} {a.Baud} {a.DataBits}{char.ToUpperInvariant(a.Parity.FirstOrDefault('n'))}{a.StopBits}",
        AnalyserTransport.TcpClient => $"{a.Host}:{a.Port}",
        _ => $":{a.Port}",
    };

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            switch (A.Transport)
            {
                case AnalyserTransport.Serial: await RunSerialAsync(ct); break;
                case AnalyserTransport.TcpClient: await RunTcpClientAsync(ct); break;
                case AnalyserTransport.TcpServer: await RunTcpServerAsync(ct); break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Link.Event($"Phiên kết nối dừng vì lỗi: {e.Message}", isError: true);
        }
    }

    private async Task RunSerialAsync(CancellationToken ct)
    {
        var settings = new SerialSettings(A.Device ?? "", A.Baud, A.DataBits,
            A.Parity switch { "even" => SerialParity.Even, "odd" => SerialParity.Odd, _ => SerialParity.None }, A.StopBits,
            A.FlowControl switch { "rtscts" => SerialFlowControl.RtsCts, "xonxoff" => SerialFlowControl.XonXoff, _ => SerialFlowControl.None });
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            IByteChannel channel;
            try
            {
                channel = SerialPortChannel.Open(settings);
                failures = 0;
            }
            catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
            {
                var delay = _backoff.DelayAfter(++failures);
                Link.Event($"Không mở được cổng {settings.Device}: {e.Message} Thử lại sau {delay.TotalSeconds:0} giây.", isError: true);
                await Task.Delay(delay, ct);
                continue;
            }
            await ConverseAsync(channel, ct);
            await Task.Delay(_backoff.Initial, ct); // the line closed under us (device unplugged): do not spin
        }
    }

    private async Task RunTcpClientAsync(CancellationToken ct)
    {
        var connector = new TcpClientChannel(A.Host ?? "", A.Port ?? 0, _backoff)
        {
            OnAttemptFailed = (e, delay) => Link.Event($"Không kết nối được {A.Host}:{A.Port}: {e.Message} Thử lại sau {delay.TotalSeconds:0} giây.", isError: true),
        };
        while (!ct.IsCancellationRequested)
        {
            var channel = await connector.ConnectAsync(ct);
            await ConverseAsync(channel, ct);
            await Task.Delay(_backoff.Initial, ct);
        }
    }

    private async Task RunTcpServerAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            TcpServerChannel listener;
            try
            {
                listener = new TcpServerChannel(new IPEndPoint(IPAddress.Any, A.Port ?? 0));
            }
            catch (System.Net.Sockets.SocketException e)
            {
                var delay = _backoff.DelayAfter(++failures);
                Link.Event($"Không lắng nghe được cổng {A.Port}: {e.Message} Thử lại sau {delay.TotalSeconds:0} giây.", isError: true);
                await Task.Delay(delay, ct);
                continue;
            }
            Link.Event($"Đang chờ máy kết nối ở cổng {listener.LocalEndPoint.Port}.");
            var conversations = new List<Task>();
            try
            {
                while (true)
                {
                    var channel = await listener.AcceptAsync(ct);
                    conversations.RemoveAll(t => t.IsCompleted);
                    conversations.Add(ConverseAsync(channel, ct));
                }
            }
            finally
            {
                await listener.DisposeAsync();
                await Task.WhenAll(conversations);
            }
        }
    }

    /// <summary>Runs the dialogue over one connection until it ends; never throws (a broken connection is an event).</summary>
    private async Task ConverseAsync(IByteChannel channel, CancellationToken ct)
    {
        _board.Connected(A.Name, channel.Description);
        Link.Event($"Đã kết nối: {channel.Description}.");
        try
        {
            await _dialogue.RunAsync(channel, Link, ct);
            if (!ct.IsCancellationRequested) Link.Event($"Mất kết nối: {channel.Description}.", isError: true);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Link.Event($"Kết nối {channel.Description} bị ngắt do lỗi: {e.Message}", isError: true);
        }
        finally
        {
            await channel.DisposeAsync();
            _board.Disconnected(A.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
