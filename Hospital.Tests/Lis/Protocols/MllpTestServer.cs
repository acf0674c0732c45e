using System.Collections.Concurrent;
using System.Net;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// An <see cref="MllpServer"/> on a free loopback port whose handler "stores" each message in a list
/// before answering, as the LIS will: AA for results, QCK^Q02 + DSR^Q03 for a Mindray query, RSP^K11 for
/// QBP^Q11, and a failure (→ AE) for a message whose MSH-10 starts with "FAIL".
/// </summary>
internal sealed class MllpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TcpServerChannel listener;
    private readonly Task running;

    public MllpTestServer(MllpOptions? options = null)
    {
        listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        Server = new MllpServer(listener, HandleAsync, (options ?? new MllpOptions()) with { OnProblem = Problems.Add });
        running = Server.RunAsync(stop.Token);
    }

    public MllpServer Server { get; }

    public int Port => listener.LocalEndPoint.Port;

    public ConcurrentQueue<Hl7Message> Stored { get; } = new();

    public ConcurrentBag<MllpProblem> Problems { get; } = [];

    public TcpClientChannel Connector() => new("127.0.0.1", Port, new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(20), Maximum = TimeSpan.FromMilliseconds(200) });

    private async ValueTask<MllpReply> HandleAsync(Hl7Message message, CancellationToken ct)
    {
        await Task.Yield();
        if (message.ControlId.StartsWith("FAIL", StringComparison.Ordinal)) throw new InvalidOperationException("database unavailable");
        Stored.Enqueue(message);
        return message.Type.Kind switch
        {
            Hl7MessageKind.QryQ02 => MllpReply.Of(
                Hl7Replies.QckQ02(message, found: true),
                Hl7Replies.DsrQ03(message, new Hl7DsrSample
                {
                    Barcode = message.First("QRD")!.Value(8),
                    PatientName = "Tom",
                    Tests = [new Hl7DsrTest("1"), new Hl7DsrTest("3")],
                })),
            Hl7MessageKind.QbpQ11 => Hl7Replies.RspK11(message, found: false),
            _ => Hl7Replies.Ack(message),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await listener.DisposeAsync();
        await running;
        stop.Dispose();
    }
}
