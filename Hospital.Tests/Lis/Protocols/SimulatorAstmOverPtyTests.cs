using Hospital.Integration.Astm;
using Hospital.Integration.Astm.Records;
using Hospital.Integration.Simulators;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The ASTM analyser simulator against the host's link layer over a real socat pty pair: results and each fault.</summary>
public class SimulatorAstmOverPtyTests
{
    private static readonly AstmSimulatorTimings Quick = new() { ContentionDelay = TimeSpan.FromMilliseconds(200), SilencePeriod = TimeSpan.FromSeconds(2) };

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public async Task Haematology_results_with_a_long_comment_arrive_intact_and_match_the_seeded_values(int baud)
    {
        await using var host = SimulatorHost.OverPty(baud: baud);
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Haematology, seed: 7);
        string[] barcodes = ["260000001", "260000002"];
        var comment = new string('x', 300) + " smear reviewed " + new string('y', 284); // 600 characters: a multi-frame C record

        var report = await sim.SendResultsAsync(barcodes, null, host.Token, comment);

        Assert.True(report.Completed, report.ToString());
        await host.WaitUntilAsync(_ => host.Messages().Count == 2);
        var expected = new SimulatedResultGenerator(7);
        foreach (var (message, barcode) in host.Messages().Zip(barcodes))
        {
            var sample = expected.Sample(barcode, AstmAnalyserProfile.Haematology.Menu);
            var order = message.Patients.Single().Orders.Single();
            Assert.Equal(barcode, order.Order.InstrumentSpecimenId[2].Trim());
            Assert.Equal(comment, order.Comments.Single().Text);
            var results = order.Results.Where(r => r.Result.Units.Length > 0).ToList(); // IP messages have no unit
            Assert.Equal(28, results.Count);
            Assert.Equal(sample.Results.Select(r => (r.Test.Code, r.Value, r.Flag)), results.Select(r => (r.Result.Test.Code, r.Result.Value, r.Result.AbnormalFlags)));
        }
        Assert.DoesNotContain(host.Events, e => e is AstmFrameRejected or AstmReceiveAborted);
    }

    [Fact]
    public async Task A_bad_checksum_is_NAKed_by_the_host_and_the_resent_frame_is_accepted()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("bad-checksum:2"));

        var report = await sim.SendResultsAsync(["260000010"], ["GLU", "CREA"], host.Token);

        Assert.True(report.Completed, report.ToString());
        Assert.Equal((1, 1), (report.NaksReceived, report.FramesResent));
        await host.WaitUntilAsync(_ => host.Messages().Count == 1);
        Assert.Contains("checksum mismatch", Assert.Single(host.Events.OfType<AstmFrameRejected>()).Reason);
        Assert.Equal(["GLU", "CREA"], host.Messages()[0].AllResults().Select(r => r.Result.Result.Test.Code));
    }

    [Fact]
    public async Task A_frame_failing_six_times_makes_the_analyser_abort_and_the_host_deliver_nothing()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("bad-checksum:3:6"));

        var report = await sim.SendResultsAsync(["260000016"], ["GLU"], host.Token);

        Assert.False(report.Completed);
        Assert.Equal(6, report.NaksReceived);
        await host.WaitUntilAsync(e => e.OfType<AstmReceiveAborted>().Any());
        Assert.Equal(6, host.Events.OfType<AstmFrameRejected>().Count());
        Assert.Empty(host.ReceivedTexts);
    }

    [Fact]
    public async Task A_receiver_interrupt_from_the_host_is_seen_and_the_message_still_completes()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry);
        await host.Session.RequestReceiverInterruptAsync(host.Token);

        var report = await sim.SendResultsAsync(["260000017"], ["GLU"], host.Token);

        Assert.True(report.Completed, report.ToString());
        Assert.True(report.InterruptRequested);
        await host.WaitUntilAsync(_ => host.Messages().Count == 1);
    }

    [Fact]
    public async Task Frames_split_at_odd_places_with_pauses_still_make_one_intact_message()
    {
        await using var host = SimulatorHost.OverPty(baud: 115200);
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry,
            new AstmSimulatorFaults().With("split:3"), seed: 3);

        var report = await sim.SendResultsAsync(["260000011"], null, host.Token);

        Assert.True(report.Completed, report.ToString());
        await host.WaitUntilAsync(_ => host.ReceivedTexts.Count == 1);
        var message = Assert.Single(host.Messages()); // c111 style: one E1381 message, ETB between records
        Assert.Equal(12, message.AllResults().Count());
        Assert.Equal("260000011", message.Patients[0].Orders[0].Order.SpecimenId);
    }

    [Fact]
    public async Task A_frame_repeated_after_its_ACK_is_taken_once_as_a_retransmission()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("duplicate-frame:3"));

        var report = await sim.SendResultsAsync(["260000012"], ["GLU", "UREA"], host.Token);

        Assert.True(report.Completed, report.ToString());
        await host.WaitUntilAsync(_ => host.ReceivedTexts.Count == 1);
        await host.WaitUntilAsync(e => e.OfType<AstmBytesIgnored>().Any());
        Assert.Equal(2, Assert.Single(host.Messages()).AllResults().Count()); // the repeated R record is not appended twice
        Assert.Contains(host.Events.OfType<AstmBytesIgnored>(), e => e.Reason.Contains("repeat", StringComparison.OrdinalIgnoreCase)
            || e.Reason.Contains("retransmi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_whole_message_resent_in_a_new_session_is_delivered_twice_for_the_LIS_to_deduplicate()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("duplicate-message"));

        var report = await sim.SendResultsAsync(["260000013"], ["ALT"], host.Token);

        Assert.True(report.Completed, report.ToString());
        await host.WaitUntilAsync(_ => host.ReceivedTexts.Count == 2);
        Assert.Equal(host.ReceivedTexts[0], host.ReceivedTexts[1]); // the link layer cannot tell: the message level must
    }

    [Fact]
    public async Task Silence_mid_message_makes_the_host_time_out_and_discard_the_partial_message()
    {
        await using var host = SimulatorHost.OverPty(new AstmLinkOptions { ReceiverTimeout = TimeSpan.FromMilliseconds(500) });
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("silence:2"), Quick);

        var report = await sim.SendResultsAsync(["260000014"], ["GLU"], host.Token);

        Assert.False(report.Completed);
        await host.WaitUntilAsync(e => e.OfType<AstmReceiveAborted>().Any());
        Assert.Contains("no frame or EOT", host.Events.OfType<AstmReceiveAborted>().First().Reason);
        Assert.Empty(host.ReceivedTexts);
    }

    [Fact]
    public async Task EOT_in_the_middle_of_a_message_leaves_nothing_delivered()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("eot:3"));

        var report = await sim.SendResultsAsync(["260000015"], ["GLU", "UREA"], host.Token);

        Assert.False(report.Completed);
        await host.WaitUntilAsync(e => e.OfType<AstmReceiveAborted>().Any());
        Assert.Empty(host.ReceivedTexts);
    }

    [Fact]
    public async Task A_host_query_returns_the_pending_tests_and_an_unknown_barcode_the_explicit_no_order()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Haematology);
        var answering = AnswerQueriesAsync(host, new() { ["260000020"] = ["WBC", "HGB", "PLT"] });

        var found = await sim.QueryAsync("260000020", host.Token);
        var none = await sim.QueryAsync("260000099", host.Token);

        Assert.Equal(["WBC", "HGB", "PLT"], found.PendingTests);
        Assert.False(found.NoOrder);
        Assert.True(none.NoOrder);
        Assert.Equal("I", none.Answer!.Terminator.Code);
        Assert.False(answering.IsFaulted, answering.Exception?.ToString());
    }

    [Fact]
    public async Task NAKed_host_frames_are_resent_by_the_host_and_the_worklist_arrives()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("nak:2"));
        await host.Session.SendAsync(Worklist("260000030", "WBC", "RBC").ToText(), host.Token);

        var received = await sim.ReceiveAsync(TimeSpan.FromSeconds(20), host.Token);

        var order = Assert.Single(received).Patients.Single().Orders.Single().Order;
        Assert.Equal(("260000030", "O"), (order.SpecimenId, order.ReportType));
        await host.WaitUntilAsync(e => e.OfType<AstmMessageSent>().Any());
    }

    [Fact]
    public async Task An_analyser_that_never_ACKs_makes_the_host_give_up_the_message()
    {
        await using var host = SimulatorHost.OverPty(new AstmLinkOptions { SenderTimeout = TimeSpan.FromSeconds(2) });
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("no-ack"));
        await host.Session.SendAsync(Worklist("260000031", "WBC").ToText(), host.Token);

        var received = await sim.ReceiveAsync(TimeSpan.FromSeconds(20), host.Token);

        Assert.Empty(received);
        await host.WaitUntilAsync(e => e.OfType<AstmSendAborted>().Any());
        Assert.Contains("no reply to frame", host.Events.OfType<AstmSendAborted>().Single().Reason);
    }

    [Fact]
    public async Task On_contention_the_analyser_sends_its_results_first_and_then_takes_the_hosts_worklist()
    {
        await using var host = SimulatorHost.OverPty();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, new AstmSimulatorFaults().With("contention"), Quick);
        await host.Session.SendAsync(Worklist("260000040", "GLU").ToText(), host.Token); // the host bids for the line…

        var report = await sim.SendResultsAsync(["260000041"], ["GLU"], host.Token); // …and the analyser answers with its own ENQ
        var worklist = await sim.ReceiveAsync(TimeSpan.FromSeconds(40), host.Token);

        Assert.True(report.Completed, report.ToString());
        Assert.Equal("260000040", Assert.Single(worklist).Patients[0].Orders[0].Order.SpecimenId);
        await host.WaitUntilAsync(e => e.OfType<AstmMessageSent>().Any());
        var events = host.Events.ToList();
        Assert.True(events.FindIndex(e => e is AstmMessageReceived) < events.FindIndex(e => e is AstmMessageSent));
    }

    internal static AstmMessage Worklist(string barcode, params string[] tests) =>
        AstmHostReplies.Worklist(new AstmHostIdentity("LIS", "1.0"), new DateTime(2026, 1, 5, 9, 0, 0),
            [new AstmSpecimenOrder(barcode, tests.Select(AstmTestId.FromSysmexCode).ToList())]);

    /// <summary>The LIS's part of a host query: answer each query in a session of its own.</summary>
    internal static Task AnswerQueriesAsync(SimulatorHost host, Dictionary<string, string[]> pending) => Task.Run(async () =>
    {
        var answered = 0;
        var me = new AstmHostIdentity("LIS", "1.0");
        while (!host.Token.IsCancellationRequested)
        {
            foreach (var query in host.Messages().SelectMany(m => m.Queries).Skip(answered).ToList())
            {
                answered++;
                var id = query.SpecimenIds.Single();
                var answer = pending.TryGetValue(id, out var tests)
                    ? AstmHostReplies.QueryResponse(me, DateTime.Now, [new AstmSpecimenOrder(id, tests.Select(AstmTestId.FromSysmexCode).ToList())])
                    : AstmHostReplies.NoOrder(me, DateTime.Now, id, AstmNoOrderStyle.TerminatorNoInformation);
                await host.Session.SendAsync(answer.ToText(), host.Token);
            }
            await Task.Delay(20, host.Token);
        }
    });
}
