using System.Collections.Concurrent;
using System.Net;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The sending side: ACK timeouts, ACKs matched on MSA-2, resend on a fresh connection, reconnect with backoff.</summary>
public sealed class MllpClientTests
{
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static readonly ReconnectBackoff Fast = new() { Initial = TimeSpan.FromMilliseconds(20), Maximum = TimeSpan.FromMilliseconds(100), Jitter = 0 };

    private static Hl7Message Oru(string id) => Hl7Message.Parse(Hl7Captures.MindrayBs200.Replace("|ORU^R01|1|", $"|ORU^R01|{id}|"));

    [Fact]
    public async Task No_ack_within_the_timeout_raises_and_drops_the_connection()
    {
        await using var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var silent = Task.Run(async () =>
        {
            await using var peer = await listener.AcceptAsync(Ct);
            var reader = new MllpFrameReader(peer);
            Assert.True((await reader.ReadAsync(Ct)).IsMessage);
            Assert.Equal(MllpFrameStatus.EndOfStream, (await reader.ReadAsync(Ct)).Status); // the client hung up
        });
        var problems = new ConcurrentBag<MllpProblem>();
        await using var client = new MllpClient(new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port, Fast),
            new MllpOptions { AckTimeout = TimeSpan.FromMilliseconds(300), OnProblem = problems.Add });
        var e = await Assert.ThrowsAsync<MllpAckTimeoutException>(() => client.SendAsync(Oru("T1"), Ct));
        Assert.Equal("T1", e.ControlId);
        Assert.False(client.Connected);
        Assert.Contains(problems, p => p.Kind == MllpProblemKind.AckMissing);
        await silent;
    }

    [Fact]
    public async Task A_late_ack_for_another_message_is_skipped_not_taken()
    {
        await using var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var peerTask = Task.Run(async () =>
        {
            await using var peer = await listener.AcceptAsync(Ct);
            var reader = new MllpFrameReader(peer);
            var frame = await reader.ReadAsync(Ct);
            var received = Hl7Message.Parse(frame.Payload.Span);
            await MllpFraming.WriteAsync(peer, Hl7Replies.Ack(Oru("OLD")), Ct);
            await MllpFraming.WriteAsync(peer, Hl7Replies.Ack(received), Ct);
            await reader.ReadAsync(Ct);
        });
        var problems = new ConcurrentBag<MllpProblem>();
        await using (var client = new MllpClient(new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port, Fast), new MllpOptions { OnProblem = problems.Add }))
        {
            var ack = await client.SendAsync(Oru("NEW"), Ct);
            Assert.Equal("NEW", ack.First("MSA")!.Value(2));
        }
        Assert.Contains(problems, p => p.Kind == MllpProblemKind.UnexpectedAck && p.Detail.Contains("OLD"));
        await peerTask;
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_and_the_message_resent()
    {
        await using var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var seen = new ConcurrentQueue<string>();
        var peerTask = Task.Run(async () =>
        {
            await using (var first = await listener.AcceptAsync(Ct))
            {
                var f = await new MllpFrameReader(first).ReadAsync(Ct);
                seen.Enqueue(Hl7Message.Parse(f.Payload.Span).ControlId);
            } // closed without an ACK
            await using var second = await listener.AcceptAsync(Ct);
            var reader = new MllpFrameReader(second);
            var again = Hl7Message.Parse((await reader.ReadAsync(Ct)).Payload.Span);
            seen.Enqueue(again.ControlId);
            await MllpFraming.WriteAsync(second, Hl7Replies.Ack(again), Ct);
            await reader.ReadAsync(Ct);
        });
        await using (var client = new MllpClient(new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port, Fast)))
        {
            var ack = await client.SendAsync(Oru("R1"), Ct);
            Assert.Equal("AA", ack.First("MSA")!.Value(1));
        }
        Assert.Equal(["R1", "R1"], seen);
        await peerTask;
    }

    [Fact]
    public async Task The_client_keeps_trying_with_backoff_until_the_server_comes_up()
    {
        int port;
        await using (var probe = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0))) port = probe.LocalEndPoint.Port;
        var failures = new ConcurrentQueue<TimeSpan>();
        var connector = new TcpClientChannel("127.0.0.1", port, Fast) { OnAttemptFailed = (_, delay) => failures.Enqueue(delay) };
        await using var client = new MllpClient(connector);
        var sending = client.SendAsync(Oru("LATE"), Ct);
        while (failures.Count < 3) await Task.Delay(10, Ct);
        Assert.False(sending.IsCompleted);

        await using var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, port));
        using var stop = new CancellationTokenSource();
        var server = new MllpServer(listener, (m, _) => ValueTask.FromResult(Hl7Replies.Ack(m)));
        var running = server.RunAsync(stop.Token);
        var ack = await sending;
        Assert.Equal("LATE", ack.First("MSA")!.Value(2));
        Assert.Equal([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)], failures.Take(3));
        Assert.Equal(0, connector.FailedAttempts);
        await client.DisposeAsync();
        await stop.CancelAsync();
        await listener.DisposeAsync();
        await running;
    }

    [Fact]
    public void Backoff_grows_exponentially_up_to_its_maximum()
    {
        var b = new ReconnectBackoff { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(30), Jitter = 0 };
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(n => b.DelayAfter(n).TotalSeconds));
        var jittered = new ReconnectBackoff { Initial = TimeSpan.FromSeconds(10), Jitter = 0.2 };
        Assert.All(Enumerable.Range(0, 50), _ => Assert.InRange(jittered.DelayAfter(1).TotalSeconds, 8, 12));
    }
}
