using System.Globalization;
using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// The link layer over real serial channels on a socat pty pair: a test-side analyser (the same link layer in the
/// instrument role) on one end, the LIS session on the other, as an analyser cable would join them.
/// </summary>
public class AstmOverPtyTests
{
    private static readonly string[] Haematology =
    [
        "WBC", "RBC", "HGB", "HCT", "MCV", "MCH", "MCHC", "PLT", "RDW-SD", "RDW-CV", "PDW", "MPV", "P-LCR", "PCT",
        "NEUT#", "LYMPH#", "MONO#", "EO#", "BASO#", "NEUT%", "LYMPH%", "MONO%", "EO%", "BASO%", "IG#", "IG%", "NRBC#",
        "NRBC%", "RET#", "RET%", "IRF", "LFR", "MFR", "HFR", "RET-He", "IPF", "WBC-N", "WBC-D", "PLT-I", "PLT-F",
    ];

    /// <summary>H, P, O, 40 R, a C of 600 characters (three frames at 240), L — built with the record types.</summary>
    private static AstmMessage HaematologyMessage()
    {
        var d = AstmDelimiters.Default;
        var header = new AstmHeader(d) { Version = "E1394-97", Timestamp = "20261122080000" };
        header.Sender = ["XN-1000", "00-22", "13126"];
        var message = new AstmMessage(header);
        var patient = new AstmPatientBlock(new AstmPatient(d) { Sequence = 1, PatientId3 = "BN0042", BirthDate = "19850412", Sex = "F" });
        patient.Patient.Name = ["", "Nguyen", "Thi Lan"];
        var order = new AstmOrderBlock(new AstmOrder(d) { Sequence = 1, ActionCode = "N", ReportType = "F" });
        order.Order.InstrumentSpecimenId = ["", "", "     2611220001", "B"];
        order.Order.Tests = Haematology.Select(AstmTestId.FromSysmexCode).ToList();
        for (var i = 0; i < Haematology.Length; i++)
        {
            var r = new AstmResult(d)
            {
                Sequence = i + 1,
                Test = new AstmTestId(["", "", "", "", Haematology[i], "1"]),
                Value = (1.5 + i * 0.37).ToString("0.00", CultureInfo.InvariantCulture),
                Units = i % 3 == 0 ? "10*3/uL" : "%",
                AbnormalFlags = i % 7 == 0 ? "H" : "N",
                OperatorId = "SYSMEX",
                CompletedAt = "20261122075930",
            };
            order.Results.Add(new AstmResultBlock(r));
        }
        var comment = new AstmComment(d) { Sequence = 1, Source = "I", CommentType = "G" };
        comment.Text = string.Concat(Enumerable.Range(0, 60).Select(i => $"note {i:00} | ")); // 600 characters, with delimiters to escape
        Assert.Equal(600, comment.Text.Length);
        order.Results[^1].Comments.Add(comment);
        patient.Orders.Add(order);
        message.Patients.Add(patient);
        return message;
    }

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public async Task A_40_result_message_with_a_600_character_comment_is_received_intact_and_acknowledged(int baud)
    {
        using var pty = new SocatPtyPair();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var journal = new System.Collections.Concurrent.ConcurrentQueue<AstmTraffic>();
        await using var host = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.HostEnd, baud)),
            new AstmLinkOptions { Role = AstmLinkRole.Computer, HoldAckUntilConfirmed = true }, traffic: journal.Enqueue);
        await using var analyser = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd, baud)),
            new AstmLinkOptions { Role = AstmLinkRole.Instrument });
        var hostRun = host.RunAsync(timeout.Token);
        var analyserRun = analyser.RunAsync(timeout.Token);
        var sent = HaematologyMessage();

        await analyser.SendAsync(sent.ToText(), timeout.Token);

        // The LIS side: assemble records into messages, "store", then release the held ACK.
        var assembler = new AstmMessageAssembler();
        var received = new List<AstmMessage>();
        var hostEvents = new List<AstmLinkEvent>();
        var hostLoop = Task.Run(async () =>
        {
            await foreach (var e in host.Events.ReadAllAsync(timeout.Token))
            {
                hostEvents.Add(e);
                if (e is not AstmMessageReceived m) continue;
                received.AddRange(assembler.Add(m.Text));
                Assert.True(await host.ConfirmDeliveredAsync(timeout.Token));
            }
        }, timeout.Token);
        AstmLinkEvent outcome;
        do outcome = await analyser.Events.ReadAsync(timeout.Token);
        while (outcome is not (AstmMessageSent or AstmSendAborted));

        Assert.IsType<AstmMessageSent>(outcome);
        var message = Assert.Single(received);
        Assert.Equal(sent.ToText(), message.ToText());
        Assert.Equal(40, message.AllResults().Count());
        Assert.Equal(Haematology, message.AllResults().Select(r => r.Result.Result.Test.Code));
        Assert.Equal("2611220001", message.Patients[0].Orders[0].Order.InstrumentSpecimenId[2].Trim());
        Assert.Equal(HaematologyMessage().Patients[0].Orders[0].Results[^1].Comments[0].Text, message.AllResults().Last().Result.Comments[0].Text);
        Assert.DoesNotContain(hostEvents, e => e is AstmFrameRejected or AstmReceiveAborted);
        // The journal saw every byte: one ACK for the ENQ and one per frame, nothing else sent by the LIS.
        var incoming = journal.Where(t => !t.Outgoing).SelectMany(t => t.Bytes).ToArray();
        var outgoing = journal.Where(t => t.Outgoing).SelectMany(t => t.Bytes).ToArray();
        var frameCount = incoming.Count(b => b == AstmControl.Stx);
        Assert.True(frameCount > 45, $"{frameCount} frames"); // 45 records, the comment in several frames
        Assert.Equal(Enumerable.Repeat(AstmControl.Ack, frameCount + 1), outgoing);
        Assert.Equal(AstmControl.Enq, incoming[0]);

        await timeout.CancelAsync();
        await Task.WhenAll(hostRun, analyserRun);
        try { await hostLoop; } catch (OperationCanceledException) { } // ends with the sessions; its assertions surface here
    }

    [Fact]
    public async Task A_frame_with_a_bad_checksum_is_refused_over_the_line_and_its_resend_accepted()
    {
        using var pty = new SocatPtyPair();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var host = new AstmLinkSession(SerialPortChannel.Open(new SerialSettings(pty.HostEnd)));
        await using var wire = SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd)); // a hand-driven analyser
        var hostRun = host.RunAsync(timeout.Token);
        var good = AstmFrame.Encode(1, Encoding.Latin1.GetBytes("H|\\^&|||XN-350\rL|1|N\r"), isEnd: true);
        var bad = (byte[])good.Clone();
        bad[^4] = (byte)(bad[^4] == (byte)'0' ? '1' : '0');

        async Task<byte> Exchange(byte[] bytes)
        {
            await wire.WriteAsync(bytes, timeout.Token);
            var reply = new byte[1];
            Assert.Equal(1, await wire.ReadAsync(reply, timeout.Token));
            return reply[0];
        }

        Assert.Equal(AstmControl.Ack, await Exchange([AstmControl.Enq]));
        Assert.Equal(AstmControl.Nak, await Exchange(bad));
        Assert.Equal(AstmControl.Ack, await Exchange(good));
        await wire.WriteAsync(new[] { AstmControl.Eot }, timeout.Token);

        var events = new List<AstmLinkEvent>();
        while (events.OfType<AstmMessageReceived>().Count() == 0) events.Add(await host.Events.ReadAsync(timeout.Token));
        Assert.StartsWith("checksum mismatch", Assert.Single(events.OfType<AstmFrameRejected>()).Reason);
        Assert.Equal("H|\\^&|||XN-350\rL|1|N\r", Assert.Single(events.OfType<AstmMessageReceived>()).Text);

        await timeout.CancelAsync();
        await hostRun;
    }
}
