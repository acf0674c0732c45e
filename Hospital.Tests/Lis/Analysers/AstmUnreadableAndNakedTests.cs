using System.Net;
using System.Net.Sockets;
using System.Text;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Simulators;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Features.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.Analysers.AnalyserRig;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>Nothing an analyser sends is lost: unreadable messages are kept with the reason; non-compliant firmware sending naked records over TCP is heard.</summary>
public sealed class AstmUnreadableAndNakedTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_unreadable_message_is_stored_as_received_acknowledged_and_shown_as_the_last_error(DatabaseProvider provider)
    {
        await using var rig = await StartAsync(provider);
        await using var sim = rig.Simulator(AstmAnalyserProfile.Haematology);
        const string broken = "H|\\^&|||XN-350||||||||E1394-97\rR|1|^^^^WBC^1|7.2|10*3/uL||N||F\rL|1|N\r"; // a result with no order

        var report = await sim.SendMessagesAsync([broken], CancellationToken.None);

        Assert.True(report.Completed, report.ToString());
        await using (var db = rig.App.Database.NewContext())
        {
            var message = await db.Set<AnalyserMessage>().SingleAsync();
            Assert.Equal((AnalyserMessageKind.Other, broken), (message.Kind, message.Text));
            Assert.Contains("R record", message.Error);
        }
        using var lab = await QueueWebKit.SignedInAsync(rig.App, "labtech");
        var xn1 = (await AnalysersApiAsync(lab)).Single(i => i.GetProperty("name").GetString() == "XN1");
        Assert.Contains("Không đọc được thông điệp", xn1.GetProperty("lastError").GetString());

        // The line still works: the next message is read and stored.
        var next = await sim.SendResultsAsync(["0000000042"], ["WBC"], CancellationToken.None);
        Assert.True(next.Completed, next.ToString());
        Assert.Equal(1, await CountAsync<AnalyserMessage>(rig.App, m => m.Kind == AnalyserMessageKind.Results && m.Error == null));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Naked_records_over_TCP_are_stored_for_an_analyser_declared_NakedAstm(DatabaseProvider provider)
    {
        var port = FreePort();
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "BS1",
            ["Lis:Analysers:0:Protocol"] = "astm",
            ["Lis:Analysers:0:Transport"] = "tcp-server",
            ["Lis:Analysers:0:Port"] = port.ToString(),
            ["Lis:Analysers:0:NakedAstm"] = "true",
        });
        await app.Services.GetRequiredService<AnalyserSessions>().Started;
        var (_, tubes) = await LabTestKit.ReceivedSpecimensAsync(app, LabTestKit.Glucose);
        var serum = tubes[SpecimenType.Serum];
        using var client = new TcpClient();
        await WaitUntilAsync(async () =>
        {
            try { await client.ConnectAsync(IPAddress.Loopback, port); return true; }
            catch (SocketException) { return false; }
        }, "BS1 listening");

        var records = $"H|\\^&|||BS-240|||||||P|1|20261122093000\rP|1\rO|1|{serum}||^^^GLU|R||||||N\rR|1|^^^GLU|5.4|mmol/L||N||F||||20261122092900\rL|1|N\r";
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(records));

        await WaitUntilAsync(async () => await CountAsync<LabResult>(app, r => r.Analyser == "BS1") == 1, "the naked message stored");
        await using var db = app.Database.NewContext();
        var result = await db.Set<LabResult>().SingleAsync();
        Assert.Equal(("SH-GLU", "5.4", new DateTime(2026, 11, 22, 2, 29, 0, DateTimeKind.Utc)), (result.TestCode, result.Value, result.InstrumentAt!.Value));
        Assert.Equal(records, (await db.Set<AnalyserMessage>().SingleAsync()).Text);
    }
}
