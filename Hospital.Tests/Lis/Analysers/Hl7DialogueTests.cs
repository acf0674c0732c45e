using System.Net;
using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport;
using Hospital.Lis.Analysers;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Protocols;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// The HL7 dialogue over real TCP sockets with a link on the real database: results stored before their AA, bad
/// input answered AE/AR with ERR and kept, host queries answered with what was really ordered and received.
/// </summary>
public sealed class Hl7DialogueTests
{
    private static CancellationToken Limit(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Results_are_stored_on_the_ordered_test_before_the_AA_and_a_resend_after_a_lost_ACK_is_stored_once(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine);
        var serum = tubes[SpecimenType.Serum];
        await using var host = new Hl7DialogueHost(app, "BS1");

        await using (var bs = Hl7AnalyserSimulator.ToHost("127.0.0.1", host.Port, Hl7AnalyserProfile.MindrayChemistry, seed: 3, duplicate: true))
        {
            var outcomes = await bs.SendResultsAsync([serum], ["GLU"], Limit());
            Assert.Equal(["AA", "AA"], outcomes.Select(o => o.AckCode));
        }

        // python3-hl7's mllp_send, an independent MLLP client, sends the creatinine.
        var sample = new SimulatedResultGenerator(4).Sample(serum, Hl7AnalyserProfile.MindrayChemistry.Tests(["CREA"]));
        var oru = Hl7SimulatorMessages.Results(Hl7AnalyserProfile.MindrayChemistry, sample, "MS-1", DateTime.Now);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, MllpFraming.Frame(oru));
            var output = await MllpSendInteropTests.MllpSend(host.Port, file, loose: false);
            Assert.Contains("MSA|AA|MS-1|Message accepted|||0|", output);
        }
        finally
        {
            File.Delete(file);
        }

        await using var db = app.Database.NewContext();
        var results = await db.Set<LabResult>().ToListAsync();
        Assert.Equal(["SH-CREA", "SH-GLU"], results.Select(r => r.TestCode).Order());
        Assert.All(results, r => Assert.Equal(("BS1", (DateTime?)null), (r.Analyser, r.SupersededAt)));
        Assert.Equal(sample.Results[0].Value, results.Single(r => r.TestCode == "SH-CREA").Value);
        Assert.Equal(2, await db.Set<AnalyserMessage>().CountAsync(m => m.Analyser == "BS1" && m.Error == null));
        Assert.Equal(LabTestStatus.Resulted, await db.Set<LabOrderTest>().Where(t => t.TestCode == "SH-GLU").Select(t => t.Status).SingleAsync());
        Assert.Contains("ORU^R01", Encoding.ASCII.GetString(host.Link.Bytes(JournalDirection.In)));
        Assert.Contains("MSA|AA|", Encoding.ASCII.GetString(host.Link.Bytes(JournalDirection.Out)));
        Assert.Contains(host.Link.Events, e => e.Note.Contains("đã nhận trước đó") && !e.IsError);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_analyser_that_listens_is_connected_to_and_spoken_with_the_same_way(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var link = new Hl7TestLink(app, "BS1");
        var listening = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var port = listening.LocalEndPoint.Port;
        await using var bs = Hl7AnalyserSimulator.Listening(listening, Hl7AnalyserProfile.MindrayChemistry);
        var sending = bs.SendResultsAsync([tubes[SpecimenType.Serum]], ["GLU"], Limit());

        // tcp-client: we connect to the analyser (or its serial device server) and run the same dialogue.
        using var stop = new CancellationTokenSource();
        var channel = await new TcpClientChannel("127.0.0.1", port).ConnectAsync(Limit());
        var talking = Task.Run(async () => { await using (channel) await new Web.Features.Analysers.Hl7Dialogue(TimeProvider.System).RunAsync(channel, link, stop.Token); });
        var outcome = Assert.Single(await sending);
        await stop.CancelAsync();
        await talking;

        Assert.Equal("AA", outcome.AckCode);
        await using var db = app.Database.NewContext();
        Assert.Equal(("SH-GLU", "BS1"), await db.Set<LabResult>().Select(r => new ValueTuple<string, string?>(r.TestCode, r.Analyser)).SingleAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Malformed_messages_get_AE_or_AR_with_ERR_are_kept_with_their_error_and_the_connection_keeps_working(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        await using var host = new Hl7DialogueHost(app, "BS1");
        await using var channel = await host.Connector().ConnectAsync(Limit());
        var replies = new MllpFrameReader(channel);
        async Task<Hl7Message> ExchangeAsync(string text)
        {
            await channel.WriteAsync(MllpFraming.Frame(Encoding.UTF8.GetBytes(text)), Limit());
            var frame = await replies.ReadAsync(Limit());
            Assert.True(frame.IsMessage);
            return Hl7Message.Parse(frame.Payload.Span);
        }

        var noBarcode = await ExchangeAsync(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200|||20251122090000||ORU^R01|BAD-1|P|2.3.1||||0||ASCII", "OBR|1", "OBX|1|NM|1|GLU|5.4|mmol/L"));
        Assert.Equal(("AE", "BAD-1"), (noBarcode.First("MSA")!.Value(1), noBarcode.First("MSA")!.Value(2)));
        Assert.Equal("OBX", noBarcode.First("ERR")!.Field(1).Component(1).Value);
        Assert.Equal("101", noBarcode.First("ERR")!.Field(1).Component(4).Value);

        var garbage = await ExchangeAsync("this is not HL7\r");
        Assert.Contains(garbage.First("MSA")!.Value(1), new[] { "AE", "AR" });
        Assert.NotNull(garbage.First("ERR"));

        var unsupported = await ExchangeAsync(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200|||20251122090000||ADT^A01|ADT-1|P|2.3.1", "PID|1"));
        Assert.Equal(("AR", "ADT-1"), (unsupported.First("MSA")!.Value(1), unsupported.First("MSA")!.Value(2)));

        var good = await ExchangeAsync(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200|||20251122090000||ORU^R01|OK-1|P|2.3.1||||0||ASCII",
            $"OBR|1|{tubes[SpecimenType.Serum]}|7", "OBX|1|NM|1|GLU|5.4|mmol/L|3.9-6.1|N|||F"));
        Assert.Equal(("AA", "OK-1"), (good.First("MSA")!.Value(1), good.First("MSA")!.Value(2)));

        await using var db = app.Database.NewContext();
        var messages = await db.Set<AnalyserMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(4, messages.Count);
        Assert.All(messages.Take(3), m => Assert.NotNull(m.Error));
        Assert.Contains("this is not HL7", messages[1].Text);
        Assert.Null(messages[3].Error);
        Assert.Equal("5.4", (await db.Set<LabResult>().SingleAsync()).Value);
        Assert.Equal(3, host.Link.Events.Count(e => e.IsError));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Host_queries_are_answered_with_the_tests_pending_on_that_analyser_or_an_explicit_no_order(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine, BloodCount);
        var serum = tubes[SpecimenType.Serum];
        var edta = tubes[SpecimenType.WholeBloodEdta];
        await using var chemistry = new Hl7DialogueHost(app, "BS1");
        await using var haematology = new Hl7DialogueHost(app, "XN1");

        // Mindray BS: QRY^Q02 → QCK^Q02 (QAK OK) + DSR^Q03, which the analyser acknowledges.
        await using (var bs = Hl7AnalyserSimulator.ToHost("127.0.0.1", chemistry.Port, Hl7AnalyserProfile.MindrayChemistry))
        {
            var found = await bs.QueryAsync(serum, Limit());
            Assert.True(found.Found);
            Assert.Equal(["GLU", "CREA"], found.PendingTests);
            Assert.Equal(serum, found.Dsr!.All("DSP").Single(d => d.Value(1) == "21").Value(3));
            var unknown = await bs.QueryAsync("99X-NOT-A-TUBE", Limit());
            Assert.False(unknown.Found);
            Assert.Equal("NF", unknown.Qck.First("QAK")!.Value(2));
            var nothingHere = await bs.QueryAsync(edta, Limit()); // a tube with no test this analyser runs
            Assert.False(nothingHere.Found);
        }

        // IHE LAW: QBP^Q11 → RSP^K11 then OML^O33 (ORC-1 DC when there is no work).
        await using (var law = new MllpClient(chemistry.Connector()))
        {
            var rsp = await law.SendAsync(Hl7Message.Parse(Hl7Captures.Ba400Query.Replace("20250107000003", serum)), Limit());
            Assert.Equal((Hl7MessageKind.RspK11, "OK"), (rsp.Type.Kind, rsp.First("QAK")!.Value(2)));
            var oml = await law.ReceiveAsync(Limit());
            await law.SendWithoutAckAsync(Hl7Replies.Ack(oml), Limit());
            Assert.Equal(Hl7MessageKind.OmlO33, oml.Type.Kind);
            Assert.Equal(serum, oml.First("SPM")!.Field(2).Component(1).Value);
            Assert.Equal(["GLU", "CREA"], oml.All("OBR").Select(o => o.Field(4).Component(1).Value));

            var none = await law.SendAsync(Hl7Message.Parse(Hl7Captures.Ba400Query.Replace("dd980fa0-6a3d", "ee980fa0-6a3d")), Limit());
            Assert.Equal("NF", none.First("QAK")!.Value(2));
            var dc = await law.ReceiveAsync(Limit());
            await law.SendWithoutAckAsync(Hl7Replies.Ack(dc), Limit());
            Assert.Equal("DC", dc.First("ORC")!.Value(1));
        }

        // Mindray BC: ORM^O01 with ORC|RF||<sample id>||IP → ORR^O02 with the haematology tests.
        await using (var bc = new MllpClient(haematology.Connector()))
        {
            var orr = await bc.SendAsync(Hl7Message.Parse(Hl7Captures.Cr("MSH|^~\\&|||||20251122090000||ORM^O01|BCQ-1|P|2.3.1||||||UNICODE", $"ORC|RF||{edta}||IP")), Limit());
            Assert.Equal((Hl7MessageKind.OrrO02, "AA"), (orr.Type.Kind, orr.First("MSA")!.Value(1)));
            Assert.Contains("WBC", orr.All("OBR").Select(o => o.Field(4).Component(1).Value));
            Assert.All(orr.All("OBR"), o => Assert.Equal(edta, o.Value(3)));
        }

        Assert.DoesNotContain(chemistry.Link.Events, e => e.IsError);
        Assert.Contains("ACK^Q03", Encoding.ASCII.GetString(chemistry.Link.Bytes(JournalDirection.In)));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_received_specimen_s_worklist_is_pushed_to_a_broadcast_analyser_which_acknowledges_it(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        await using var host = new Hl7DialogueHost(app, "BS1");
        SpecimenWorkOrder order;
        using (var scope = app.Services.CreateScope())
            order = (await scope.ServiceProvider.GetRequiredService<SpecimenWorklist>().ForAnalyserAsync("BS1", tubes[SpecimenType.Serum]))!;

        await using var bs = Hl7AnalyserSimulator.ToHost("127.0.0.1", host.Port, Hl7AnalyserProfile.MindrayChemistry);
        host.Link.Push(order);
        var orm = await bs.ReceiveAsync(Limit());

        Assert.Equal(Hl7MessageKind.OrmO01, orm.Type.Kind);
        Assert.Equal(["GLU"], orm.All("OBR").Select(o => o.Field(4).Component(1).Value));
        Assert.Equal(tubes[SpecimenType.Serum], orm.First("ORC")!.Value(2));
        // The analyser's ACK reaches the dialogue (no "no ACK" event) before the connection closes.
        for (var i = 0; i < 100 && !Encoding.ASCII.GetString(host.Link.Bytes(JournalDirection.In)).Contains(orm.ControlId); i++) await Task.Delay(50);
        Assert.Contains($"MSA|AA|{orm.ControlId}", Encoding.ASCII.GetString(host.Link.Bytes(JournalDirection.In)));
        Assert.DoesNotContain(host.Link.Events, e => e.IsError);
    }
}
