using System.Net.Sockets;
using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Hl7;
using Hospital.Integration.Mllp;
using Hospital.Integration.Simulators;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Protocols;
using Microsoft.EntityFrameworkCore;
using static Hospital.Tests.Lis.LabTestKit;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// The HL7 acceptance against the running app: an analyser declared in configuration
/// (<c>Lis:Analysers:0:Protocol=hl7</c>, <c>Transport=tcp-server</c>, <c>Port</c>, <c>CodeMap</c>) is listened for
/// by its session, and what python3-hl7's mllp_send or the simulator sends to that port is stored and answered.
/// </summary>
public sealed class Hl7AnalyserSessionTests
{
    private static CancellationToken Limit(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    private static async Task<(HospitalAppFactory App, int Port)> StartAsync(DatabaseProvider provider)
    {
        var port = AnalyserRig.FreePort();
        var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "BS9",
            ["Lis:Analysers:0:Protocol"] = "hl7",
            ["Lis:Analysers:0:Transport"] = "tcp-server",
            ["Lis:Analysers:0:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lis:Analysers:0:Direction"] = "bi",
            ["Lis:Analysers:0:CodeMap"] = "GLU=SH-GLU;CREA=SH-CREA",
        });
        await AnalyserRig.ListeningAsync(port);
        return (app, port);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ORU_R01_sent_by_mllp_send_to_a_configured_analyser_is_acked_AA_stored_and_journaled(DatabaseProvider provider)
    {
        var (app, port) = await StartAsync(provider);
        await using var _ = app;
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        var serum = tubes[SpecimenType.Serum];
        var sample = new SimulatedResultGenerator(9).Sample(serum, Hl7AnalyserProfile.MindrayChemistry.Tests(["GLU"]));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, MllpFraming.Frame(Hl7SimulatorMessages.Results(Hl7AnalyserProfile.MindrayChemistry, sample, "APP-1", DateTime.Now)));
            var output = await MllpSendInteropTests.MllpSend(port, file, loose: false);
            Assert.Contains("MSA|AA|APP-1|", output);
        }
        finally
        {
            File.Delete(file);
        }

        await using var db = app.Database.NewContext();
        var result = await db.Set<LabResult>().SingleAsync();
        Assert.Equal(("SH-GLU", "BS9", sample.Results[0].Value), (result.TestCode, result.Analyser, result.Value));
        Assert.Equal("APP-1", (await db.Set<AnalyserMessage>().SingleAsync(m => m.Analyser == "BS9")).ControlId);
        // The journal is written in the background, off the ACK's path: it catches up.
        for (var i = 0; i < 100 && !await db.Set<AnalyserJournalEntry>().AnyAsync(j => j.Analyser == "BS9" && j.Direction == JournalDirection.Out); i++)
            await Task.Delay(100);
        var bytesIn = await db.Set<AnalyserJournalEntry>().Where(j => j.Analyser == "BS9" && j.Direction == JournalDirection.In).Select(j => j.Data).ToListAsync();
        Assert.Contains("APP-1", Encoding.ASCII.GetString(bytesIn.SelectMany(b => b).ToArray()));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_malformed_message_gets_AE_with_ERR_and_the_same_connection_keeps_working(DatabaseProvider provider)
    {
        var (app, port) = await StartAsync(provider);
        await using var _ = app;
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose);
        await using var client = new MllpClient(new Hospital.Integration.Transport.TcpClientChannel("127.0.0.1", port));

        var bad = await client.SendAsync(Hl7Message.Parse(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200|||20251122090000||ORU^R01|BAD-7|P|2.3.1||||0||ASCII",
            "OBR|1", "OBX|1|NM|1|GLU|5.4|mmol/L")), Limit());
        Assert.Equal("AE", bad.First("MSA")!.Value(1));
        Assert.NotNull(bad.First("ERR"));
        var good = await client.SendAsync(Hl7Message.Parse(Hl7Captures.Cr("MSH|^~\\&|Mindray|BS-200|||20251122090000||ORU^R01|OK-7|P|2.3.1||||0||ASCII",
            $"OBR|1|{tubes[SpecimenType.Serum]}|7", "OBX|1|NM|1|GLU|5.4|mmol/L|3.9-6.1|N|||F")), Limit());
        Assert.Equal("AA", good.First("MSA")!.Value(1));

        await using var db = app.Database.NewContext();
        Assert.NotNull((await db.Set<AnalyserMessage>().SingleAsync(m => m.ControlId == "BAD-7")).Error);
        Assert.Equal("5.4", (await db.Set<LabResult>().SingleAsync()).Value);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task QRY_Q02_gets_QCK_and_DSR_with_the_pending_tests_and_QBP_Q11_gets_RSP_K11(DatabaseProvider provider)
    {
        var (app, port) = await StartAsync(provider);
        await using var _ = app;
        var (_, tubes) = await ReceivedSpecimensAsync(app, Glucose, Creatinine);
        var serum = tubes[SpecimenType.Serum];

        await using (var bs = Hl7AnalyserSimulator.ToHost("127.0.0.1", port, Hl7AnalyserProfile.MindrayChemistry))
        {
            var answer = await bs.QueryAsync(serum, Limit());
            Assert.Equal(Hl7MessageKind.QckQ02, answer.Qck.Type.Kind);
            Assert.Equal(Hl7MessageKind.DsrQ03, answer.Dsr!.Type.Kind);
            Assert.Equal(["GLU", "CREA"], answer.PendingTests);
            Assert.False((await bs.QueryAsync("99X-NOT-A-TUBE", Limit())).Found);
        }
        await using (var law = new MllpClient(new Hospital.Integration.Transport.TcpClientChannel("127.0.0.1", port)))
        {
            var rsp = await law.SendAsync(Hl7Message.Parse(Hl7Captures.Ba400Query.Replace("20250107000003", serum)), Limit());
            Assert.Equal((Hl7MessageKind.RspK11, "OK"), (rsp.Type.Kind, rsp.First("QAK")!.Value(2)));
            var oml = await law.ReceiveAsync(Limit());
            Assert.Equal(["GLU", "CREA"], oml.All("OBR").Select(o => o.Field(4).Component(1).Value));
        }
    }
}
