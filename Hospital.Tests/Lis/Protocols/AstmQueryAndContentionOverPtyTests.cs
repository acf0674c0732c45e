using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>Bidirectional exchanges over a socat pty pair: a host query answered in the LIS's own session, and contention.</summary>
public class AstmQueryAndContentionOverPtyTests
{
    private static byte[] L1(string s) => Encoding.Latin1.GetBytes(s);

    [Fact]
    public async Task A_host_query_is_answered_with_the_pending_tests_in_a_session_of_the_LIS()
    {
        using var pty = new SocatPtyPair();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var host = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.HostEnd)));
        await using var analyser = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd)), new AstmLinkOptions { Role = AstmLinkRole.Instrument });
        var runs = Task.WhenAll(host.RunAsync(timeout.Token), analyser.RunAsync(timeout.Token));
        var pending = new Dictionary<string, string[]> { ["240105002"] = ["WBC", "RBC", "HGB", "PLT"] };

        // The LIS: every complete query gets an answer, pending tests or an explicit "no order".
        var lis = Task.Run(async () =>
        {
            var assembler = new AstmMessageAssembler();
            await foreach (var e in host.Events.ReadAllAsync(timeout.Token))
            {
                if (e is not AstmMessageReceived m) continue;
                foreach (var message in assembler.Add(m.Text))
                foreach (var query in message.Queries)
                foreach (var id in query.SpecimenIds)
                {
                    var me = new AstmHostIdentity("LIS", "1.0", VersionField: "E1394-97");
                    var now = new DateTime(2024, 1, 5, 9, 55, 0);
                    var answer = pending.TryGetValue(id, out var tests)
                        ? AstmHostReplies.QueryResponse(me, now, [new AstmSpecimenOrder(id, tests.Select(AstmTestId.FromSysmexCode).ToList())])
                        : AstmHostReplies.NoOrder(me, now, id, AstmNoOrderStyle.TerminatorNoInformation);
                    await host.SendAsync(answer.ToText(), timeout.Token);
                }
            }
        }, timeout.Token);

        var replies = new AstmMessageAssembler();
        async Task<AstmMessage> Ask(string barcode)
        {
            await analyser.SendAsync($"H|\\^&|||XN-350^00-14^13126||||||||E1394-97\rQ|1|^^                 {barcode}^B||^^^ALL||||||||O\rL|1|N\r", timeout.Token);
            while (true)
                if (await analyser.Events.ReadAsync(timeout.Token) is AstmMessageReceived m && replies.Add(m.Text) is [var reply]) return reply;
        }

        var found = await Ask("240105002");
        var order = found.Patients.Single().Orders.Single().Order;
        Assert.Equal(("240105002", "Q", "N"), (order.SpecimenId, order.ReportType, order.ActionCode));
        Assert.Equal(["WBC", "RBC", "HGB", "PLT"], order.Tests.Select(t => t.Code));

        var none = await Ask("999999999");
        Assert.Empty(none.Patients);
        Assert.Equal("I", none.Terminator.Code);

        await timeout.CancelAsync();
        await runs;
        try { await lis; } catch (OperationCanceledException) { }
    }

    [Fact]
    public async Task On_contention_over_the_line_the_analyser_sends_first_and_the_LIS_after_it()
    {
        using var pty = new SocatPtyPair();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var host = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.HostEnd)));
        await using var wire = SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd)); // a hand-driven analyser
        var run = host.RunAsync(timeout.Token);

        async Task<byte> ReadByte()
        {
            var one = new byte[1];
            Assert.Equal(1, await wire.ReadAsync(one, timeout.Token));
            return one[0];
        }
        async Task<byte[]> ReadFrame()
        {
            var frame = new List<byte>();
            do frame.Add(await ReadByte()); while (frame[^1] != AstmControl.Lf);
            return frame.ToArray();
        }

        await host.SendAsync("H|\\^&|||LIS\rP|1\rO|1|S1||^^^GLU|S\rL|1|N\r", timeout.Token);
        Assert.Equal(AstmControl.Enq, await ReadByte());            // the LIS bids for the line…
        await wire.WriteAsync(new[] { AstmControl.Enq }, timeout.Token); // …and so does the analyser: contention
        await Task.Delay(1000, timeout.Token);                        // the instrument waits at least 1 s, then bids again
        await wire.WriteAsync(new[] { AstmControl.Enq }, timeout.Token);
        Assert.Equal(AstmControl.Ack, await ReadByte());             // the LIS yielded and takes the analyser's message
        await wire.WriteAsync(AstmFrame.Encode(1, L1("H|\\^&|||XN-350\rL|1|N\r"), true), timeout.Token);
        Assert.Equal(AstmControl.Ack, await ReadByte());
        await wire.WriteAsync(new[] { AstmControl.Eot }, timeout.Token);

        // Line released: the LIS's own message follows.
        Assert.Equal(AstmControl.Enq, await ReadByte());
        await wire.WriteAsync(new[] { AstmControl.Ack }, timeout.Token);
        var texts = new StringBuilder();
        while (true)
        {
            var frame = await ReadFrame();
            Assert.True(AstmFrame.TryDecode(frame.AsSpan(1), out var body, out var error), error);
            texts.Append(Encoding.Latin1.GetString(frame, 1 + body.TextStart, body.TextLength));
            await wire.WriteAsync(new[] { AstmControl.Ack }, timeout.Token);
            if (texts.ToString().EndsWith("L|1|N\r", StringComparison.Ordinal)) break;
        }
        Assert.Equal(AstmControl.Eot, await ReadByte());
        Assert.Equal("H|\\^&|||LIS\rP|1\rO|1|S1||^^^GLU|S\rL|1|N\r", texts.ToString());

        var events = new List<AstmLinkEvent>();
        while (events.OfType<AstmMessageSent>().Count() == 0) events.Add(await host.Events.ReadAsync(timeout.Token));
        Assert.Equal("H|\\^&|||XN-350\rL|1|N\r", Assert.Single(events.OfType<AstmMessageReceived>()).Text);
        Assert.True(events.IndexOf(events.OfType<AstmMessageReceived>().Single()) < events.IndexOf(events.OfType<AstmMessageSent>().Single()));

        await timeout.CancelAsync();
        await run;
    }
}
