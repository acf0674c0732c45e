using System.Text;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Hl7.Segments;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>MLLP over real TCP sockets: many connections, many messages each, bad input answered AE/AR, queries answered.</summary>
public sealed class MllpServerTests
{
    private static readonly CancellationToken Ct = TestContext();

    private static CancellationToken TestContext() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static Hl7Message Oru(string controlId) =>
        Hl7Message.Parse(Hl7Captures.HaematologyOru().Replace("MSG000001", controlId));

    /// <summary>Sends raw bytes in one MLLP block on an open connection and reads the one reply.</summary>
    private static async Task<Hl7Message> ExchangeRaw(IByteChannel channel, MllpFrameReader reader, byte[] payload)
    {
        await channel.WriteAsync(MllpFraming.Frame(payload), Ct);
        var frame = await reader.ReadAsync(Ct);
        Assert.Equal(MllpFrameStatus.Message, frame.Status);
        return Hl7Message.Parse(frame.Payload.Span, Hl7ParseOptions.Strict);
    }

    [Fact]
    public async Task Several_connections_each_sending_several_messages_all_get_their_own_AA()
    {
        await using var server = new MllpTestServer();
        var clients = Enumerable.Range(0, 6).Select(async c =>
        {
            await using var client = new MllpClient(server.Connector());
            for (var i = 0; i < 15; i++)
            {
                var id = $"C{c}M{i}";
                var ack = await client.SendAsync(Oru(id), Ct);
                var msa = new MsaSegment(ack.First("MSA")!);
                Assert.Equal("AA", msa.AcknowledgmentCode);
                Assert.Equal(id, msa.ControlId);
            }
        });
        await Task.WhenAll(clients);
        Assert.Equal(90, server.Stored.Count);
        Assert.Equal(90, server.Stored.Select(m => m.ControlId).Distinct().Count());
        Assert.Empty(server.Problems);
    }

    [Fact]
    public async Task Malformed_messages_get_AE_or_AR_with_ERR_and_the_connection_keeps_working()
    {
        await using var server = new MllpTestServer(new MllpOptions { MaxMessageBytes = 64 * 1024 });
        await using var channel = await server.Connector().ConnectAsync(Ct);
        var reader = new MllpFrameReader(channel);

        // A second MSH inside one block: unreadable, the MSH-10 is salvaged for MSA-2.
        var twoHeaders = Encoding.ASCII.GetBytes("MSH|^~\\&|XN|LAB|||20240101||ORU^R01|BAD1|P|2.5\rPID|1\rMSH|^~\\&|XN|LAB\r");
        var ae = await ExchangeRaw(channel, reader, twoHeaders);
        Assert.Equal("AE", ae.First("MSA")!.Value(1));
        Assert.Equal("BAD1", ae.First("MSA")!.Value(2));
        Assert.Contains("second MSH", new ErrSegment(ae.First("ERR")!).UserMessage);
        Assert.Equal("100", new ErrSegment(ae.First("ERR")!).Hl7ErrorCode.Component(1).Value);

        // Not HL7 at all: AE with an empty MSA-2, still a well-formed ACK.
        var garbage = await ExchangeRaw(channel, reader, "hello analyser"u8.ToArray());
        Assert.Equal("AE", garbage.First("MSA")!.Value(1));
        Assert.NotNull(garbage.First("ERR"));

        // Over the size limit: AR naming the message, skipped to its end.
        var huge = Encoding.ASCII.GetBytes("MSH|^~\\&|XN|LAB|||20240101||ORU^R01|HUGE|P|2.5\rOBX|1|ED|HIST||" + new string('Q', 100_000) + "\r");
        var ar = await ExchangeRaw(channel, reader, huge);
        Assert.Equal("AR", ar.First("MSA")!.Value(1));
        Assert.Equal("HUGE", ar.First("MSA")!.Value(2));
        Assert.Contains("exceeds the 65536-byte limit", ar.First("MSA")!.Value(3));

        // The handler fails (storage down): AE, nothing stored, the sender may resend.
        var failed = await ExchangeRaw(channel, reader, Oru("FAIL1").EncodeToBytes());
        Assert.Equal("AE", failed.First("MSA")!.Value(1));
        Assert.Equal("207", new ErrSegment(failed.First("ERR")!).Hl7ErrorCode.Component(1).Value);

        // And the same connection still accepts a good message.
        var ok = await ExchangeRaw(channel, reader, Oru("GOOD1").EncodeToBytes());
        Assert.Equal("AA", ok.First("MSA")!.Value(1));
        Assert.Equal(["GOOD1"], server.Stored.Select(m => m.ControlId));
        Assert.Contains(server.Problems, p => p.Kind == MllpProblemKind.UnreadableMessage);
        Assert.Contains(server.Problems, p => p.Kind == MllpProblemKind.MessageTooLarge);
        Assert.Contains(server.Problems, p => p.Kind == MllpProblemKind.HandlerFailed && p.Detail.Contains("database unavailable"));
    }

    [Fact]
    public async Task A_strict_server_rejects_lf_terminated_segments_with_AE()
    {
        await using var server = new MllpTestServer(new MllpOptions { Parse = Hl7ParseOptions.Strict });
        await using var channel = await server.Connector().ConnectAsync(Ct);
        var reader = new MllpFrameReader(channel);
        var lf = Encoding.ASCII.GetBytes(Hl7Captures.MindrayBs200.Replace('\r', '\n'));
        var ae = await ExchangeRaw(channel, reader, lf);
        Assert.Equal("AE", ae.First("MSA")!.Value(1));
        Assert.Equal("1", ae.First("MSA")!.Value(2));
        Assert.Equal("Mindray", ae.Msh.ReceivingApplication.Value);
        Assert.Contains("requires CR", ae.First("MSA")!.Value(3));
        var ok = await ExchangeRaw(channel, reader, Encoding.ASCII.GetBytes(Hl7Captures.MindrayBs200));
        Assert.Equal("AA", ok.First("MSA")!.Value(1));
    }

    [Fact]
    public async Task Heartbeats_and_messages_split_across_writes_are_handled_on_a_socket()
    {
        await using var server = new MllpTestServer();
        await using var channel = await server.Connector().ConnectAsync(Ct);
        var reader = new MllpFrameReader(channel);
        var framed = MllpFraming.Frame(Oru("SPLIT1").EncodeToBytes());
        var glued = new byte[] { 0x02, 0x02, 0x00 }.Concat(framed).Concat(MllpFraming.Frame(Oru("SPLIT2").EncodeToBytes())).ToArray();
        foreach (var cut in new[] { 1, 5, framed.Length + 1, framed.Length + 3, glued.Length - 2, glued.Length - 1 })
        {
            await channel.WriteAsync(glued[..cut], Ct);
            await Task.Delay(5, Ct);
            await channel.WriteAsync(glued[cut..], Ct);
            for (var i = 1; i <= 2; i++)
            {
                var frame = await reader.ReadAsync(Ct);
                var ack = Hl7Message.Parse(frame.Payload.Span);
                Assert.Equal("AA", ack.First("MSA")!.Value(1));
                Assert.Equal($"SPLIT{i}", ack.First("MSA")!.Value(2));
            }
        }
        Assert.Equal(12, server.Stored.Count);
    }

    [Fact]
    public async Task Mindray_query_gets_QCK_then_DSR_and_the_analysers_ACK_closes_the_exchange()
    {
        await using var server = new MllpTestServer();
        await using var analyser = new MllpClient(server.Connector());
        var query = Hl7Message.Parse(Hl7Captures.MindrayQuery);

        var qck = await analyser.SendAsync(query, Ct);
        Assert.Equal(Hl7MessageKind.QckQ02, qck.Type.Kind);
        Assert.Equal("OK", new QakSegment(qck.First("QAK")!).QueryResponseStatus);

        var dsr = await analyser.ReceiveAsync(Ct);
        Assert.Equal(Hl7MessageKind.DsrQ03, dsr.Type.Kind);
        Assert.Equal("34567743", dsr.All("DSP").Single(d => d.Value(1) == "21").Value(3));
        Assert.Equal(["1", "3"], dsr.All("DSP").Where(d => int.Parse(d.Value(1)) >= 29).Select(d => d[3].Component(1).Value));
        Assert.Equal(query.First("QRD")!.RawText, dsr.First("QRD")!.RawText);
        await analyser.SendWithoutAckAsync(Hl7Replies.Ack(dsr), Ct);

        // The connection carries on with results after the query exchange.
        var ack = await analyser.SendAsync(Oru("AFTERQ"), Ct);
        Assert.Equal("AA", ack.First("MSA")!.Value(1));
        Assert.Empty(server.Problems);
        Assert.Equal(["1", "AFTERQ"], server.Stored.Select(m => m.ControlId));
    }

    [Fact]
    public async Task A_block_left_unfinished_is_abandoned_and_the_connection_closed()
    {
        await using var server = new MllpTestServer(new MllpOptions { PartialFrameTimeout = TimeSpan.FromMilliseconds(200) });
        await using var channel = await server.Connector().ConnectAsync(Ct);
        await channel.WriteAsync(new byte[] { 0x0B }.Concat("MSH|^~\\&|XN|LAB|||1||ORU^R01|HALF|P|2.5\rOBX|1"u8.ToArray()).ToArray(), Ct);
        var buffer = new byte[64];
        Assert.Equal(0, await channel.ReadAsync(buffer, Ct)); // the server hung up without answering
        Assert.Contains(server.Problems, p => p.Kind == MllpProblemKind.IncompleteBlock && p.Detail.Contains("did not end"));
        Assert.Empty(server.Stored);

        // A new connection is served as usual.
        await using var again = new MllpClient(server.Connector());
        Assert.Equal("AA", (await again.SendAsync(Oru("NEXT"), Ct)).First("MSA")!.Value(1));
    }

    [Fact]
    public async Task Ihe_law_query_gets_RSP_K11()
    {
        await using var server = new MllpTestServer();
        await using var analyser = new MllpClient(server.Connector());
        var rsp = await analyser.SendAsync(Hl7Message.Parse(Encoding.UTF8.GetBytes(Hl7Captures.Ba400Query)), Ct);
        Assert.Equal(Hl7MessageKind.RspK11, rsp.Type.Kind);
        Assert.Equal("NF", rsp.First("QAK")!.Value(2));
    }
}
