using System.Text.Json;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Simulators;
using Hospital.Lis.Specimens;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.Analysers.AnalyserRig;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// Issue 5 acceptance over a real pty pair, through the app: an analyser declared in configuration talks ASTM to the
/// hosted session, and what it sends is in the database by the time it has its final ACK.
/// </summary>
public sealed class AstmSessionOverPtyTests
{
    public static TheoryData<DatabaseProvider, int> ProvidersAndBauds
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, int>();
            foreach (var p in TestProviders.Enabled)
                foreach (var baud in new[] { 9600, 115200 }) data.Add(p, baud);
            return data;
        }
    }

    [Theory, MemberData(nameof(ProvidersAndBauds))]
    public async Task Forty_haematology_results_with_a_long_comment_are_stored_before_the_final_ack(DatabaseProvider provider, int baud)
    {
        await using var rig = await StartAsync(provider, baud);
        var (_, tubes) = await LabTestKit.ReceivedSpecimensAsync(rig.App, LabTestKit.BloodCount);
        var barcode = tubes[SpecimenType.WholeBloodEdta];
        var comment = new string('x', 300) + " smear reviewed " + new string('y', 284); // 600 characters: three frames
        await using var sim = rig.Simulator(AstmAnalyserProfile.Haematology);

        var report = await sim.SendSamplesAsync([FortyResults(barcode, comment)], CancellationToken.None);

        Assert.True(report.Completed, report.ToString());
        // No waiting: the ACK of the L record was held until the message was committed.
        await using (var db = rig.App.Database.NewContext())
        {
            var message = await db.Set<AnalyserMessage>().SingleAsync(m => m.Analyser == "XN1");
            Assert.Null(message.Error);
            Assert.Equal(AnalyserMessageKind.Results, message.Kind);
            Assert.Contains(comment, message.Text);
            var resultRecords = message.Text.Split('\r').Count(l => l.StartsWith("R|", StringComparison.Ordinal));
            Assert.InRange(resultRecords, 40, 41); // 40 results, and an interpretive message when something is flagged
            Assert.Equal(resultRecords, message.ResultCount + message.UnmatchedCount);
            var results = await db.Set<LabResult>().Where(r => r.AnalyserMessageId == message.Id).ToListAsync();
            Assert.Equal(message.ResultCount, results.Count);
            Assert.True(results.Count >= 10, $"only {results.Count} results matched the blood count");
            Assert.All(results, r => Assert.Equal(("XN1", LabResultStatus.Pending), (r.Analyser, r.Status)));
            Assert.Equal(12, await db.Set<UnmatchedLabResult>().CountAsync(u => u.Barcode == barcode && u.AnalyserTestCode.StartsWith("RES-")));
        }

        using var lab = await QueueWebKit.SignedInAsync(rig.App, "labtech");
        var item = (await AnalysersApiAsync(lab)).Single(i => i.GetProperty("name").GetString() == "XN1");
        Assert.Equal(["name", "protocol", "transport", "connected", "lastMessageAt", "lastError"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("astm", "serial", true), (item.GetProperty("protocol").GetString(), item.GetProperty("transport").GetString(), item.GetProperty("connected").GetBoolean()));
        Assert.Equal(JsonValueKind.String, item.GetProperty("lastMessageAt").ValueKind);
        var (_, status) = await lab.GetPageAsync("/lab/analysers");
        Assert.Contains("XN1", status.QuerySelector("[data-testid=status-XN1]")!.TextContent);

        // Every byte of the transfer is in the journal, both ways, and an admin reads it with the control characters named.
        await WaitUntilAsync(async () => await CountAsync<AnalyserJournalEntry>(rig.App, e => e.Analyser == "XN1" && e.Direction == JournalDirection.In) > 40
            && await CountAsync<AnalyserJournalEntry>(rig.App, e => e.Analyser == "XN1" && e.Direction == JournalDirection.Out) > 40, "journal rows of the transfer");
        using var admin = await QueueWebKit.SignedInAsync(rig.App, "admin");
        var (_, journal) = await admin.GetPageAsync("/admin/analysers/XN1/journal");
        var text = journal.QuerySelector("[data-testid=journal]")!.TextContent;
        Assert.Contains("<ENQ>", text);
        Assert.Contains("<ACK>", text);
        Assert.Contains("<ETX>", text);
        Assert.Contains("<EOT>", text);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_frame_failing_six_times_stores_nothing_and_a_bad_checksum_is_NAKed_and_the_resent_frame_accepted(DatabaseProvider provider)
    {
        await using var rig = await StartAsync(provider);
        var (_, tubes) = await LabTestKit.ReceivedSpecimensAsync(rig.App, LabTestKit.BloodCount);
        var barcode = tubes[SpecimenType.WholeBloodEdta];

        await using (var failing = rig.Simulator(AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("bad-checksum:4:6")))
        {
            var failed = await failing.SendResultsAsync([barcode], ["WBC", "HGB"], CancellationToken.None);
            Assert.False(failed.Completed);
            Assert.Equal(6, failed.NaksReceived);
        }
        Assert.Equal(0, await CountAsync<AnalyserMessage>(rig.App));
        Assert.Equal(0, await CountAsync<LabResult>(rig.App));

        await using var sim = rig.Simulator(AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("bad-checksum:2"));
        var report = await sim.SendResultsAsync([barcode], ["WBC", "HGB"], CancellationToken.None);

        Assert.True(report.Completed, report.ToString());
        Assert.Equal((1, 1), (report.NaksReceived, report.FramesResent));
        await using var db = rig.App.Database.NewContext();
        var message = await db.Set<AnalyserMessage>().SingleAsync();
        Assert.Equal(2, message.ResultCount);
        Assert.Equal(["HH-HGB", "HH-WBC"], await db.Set<LabResult>().OrderBy(r => r.TestCode).Select(r => r.TestCode).ToListAsync());
        await WaitUntilAsync(async () => await CountAsync<AnalyserJournalEntry>(rig.App, e => e.Direction == JournalDirection.Event && e.Note!.Contains("NAK")) >= 7,
            "the seven NAKs recorded as events");
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_host_query_is_answered_with_the_pending_tests_of_the_specimen_and_an_unknown_tube_with_no_order(DatabaseProvider provider)
    {
        await using var rig = await StartAsync(provider);
        var (_, tubes) = await LabTestKit.ReceivedSpecimensAsync(rig.App, LabTestKit.BloodCount);
        var barcode = tubes[SpecimenType.WholeBloodEdta];
        List<string> expected;
        await using (var db = rig.App.Database.NewContext())
            expected = await (from t in db.Set<LabOrderTest>()
                              join c in db.Set<AnalyserTestCode>() on t.LabTestId equals c.LabTestId
                              where t.Specimen!.Barcode == barcode && c.Analyser == "XN1"
                              select c.AnalyserCode).ToListAsync();
        Assert.NotEmpty(expected);
        await using var sim = rig.Simulator(AstmAnalyserProfile.Haematology);

        var found = await sim.QueryAsync(barcode, CancellationToken.None);
        var unknown = await sim.QueryAsync("0000000001", CancellationToken.None);

        Assert.NotNull(found.Answer);
        Assert.Equal(expected.Order(), found.PendingTests.Order());
        Assert.Equal(barcode, found.Answer.Patients.Single().Orders.Single().Order.SpecimenId);
        Assert.True(unknown.NoOrder, unknown.ToString());
        await using var check = rig.App.Database.NewContext();
        Assert.All(await check.Set<LabOrderTest>().Where(t => t.Specimen!.Barcode == barcode && expected.Count > 0).ToListAsync(),
            t => Assert.Equal(LabTestStatus.OnAnalyser, t.Status));
        Assert.Equal(2, await check.Set<AnalyserMessage>().CountAsync(m => m.Kind == AnalyserMessageKind.Query));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task On_contention_the_analyser_sends_its_results_first_and_then_gets_the_worklist_pushed_at_receipt(DatabaseProvider provider)
    {
        await using var rig = await StartAsync(provider, broadcast: true);
        var visitId = await Orders.OrdersTestKit.VisitAsync(rig.App);
        await LabTestKit.OrderServicesAsync(rig.App, visitId, LabTestKit.BloodCount);
        Assert.Equal(1, await LabTestKit.DeliverAsync(rig.App));
        string barcode;
        await using (var db = rig.App.Database.NewContext())
            barcode = await db.Set<Specimen>().Where(s => s.LabOrder!.VisitId == visitId && s.SpecimenType == SpecimenType.WholeBloodEdta).Select(s => s.Barcode).SingleAsync();
        await using var sim = rig.Simulator(AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("contention"));

        // The analyser waits for the LIS to bid for the line (the worklist push at receipt) and bids at the same time.
        var sending = sim.SendResultsAsync([barcode], ["WBC", "HGB"], CancellationToken.None);
        using (var scope = rig.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SpecimenReceipt>().ReceiveAsync(barcode);
        var report = await sending;

        Assert.True(report.Completed, report.ToString());
        Assert.Equal(1, await CountAsync<AnalyserMessage>(rig.App, m => m.Kind == AnalyserMessageKind.Results));
        var worklist = await sim.ReceiveAsync(TimeSpan.FromSeconds(40), CancellationToken.None);
        var order = worklist.Single().Patients.Single().Orders.Single().Order;
        Assert.Equal((barcode, "O", "N"), (order.SpecimenId, order.ReportType.Trim(), order.ActionCode.Trim()));
        Assert.Contains("WBC", order.Tests.Select(t => t.Code));
    }
}
