using System.Net;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Mllp;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The HL7 analyser simulator against an <see cref="MllpServer"/>: results, QC, a Mindray query, the duplicate fault, and listening mode.</summary>
public class SimulatorHl7Tests
{
    private static CancellationToken Limit(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Fact]
    public async Task ORU_R01_results_are_acknowledged_AA_and_stored_with_barcode_and_values()
    {
        await using var server = new MllpTestServer();
        await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", server.Port, Hl7AnalyserProfile.MindrayChemistry, seed: 5);

        var outcomes = await sim.SendResultsAsync(["260000201", "260000202"], ["GLU", "CREA"], Limit());

        Assert.All(outcomes, o => Assert.Equal("AA", o.AckCode));
        var stored = server.Stored.ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(["260000201", "260000202"], stored.Select(m => m.First("OBR")!.Value(2)));
        var expected = new SimulatedResultGenerator(5).Sample("260000201", Hl7AnalyserProfile.MindrayChemistry.Tests(["GLU", "CREA"]));
        Assert.Equal(expected.Results.Select(r => (r.Test.Code, r.Value)), stored[0].All("OBX").Select(o => (o.Value(4), o.Value(5))));
        Assert.Equal("ORU", stored[0].Type.Code);
    }

    [Fact]
    public async Task Haematology_profile_puts_the_barcode_in_OBR_3_and_LOINC_codes_in_OBX_3()
    {
        await using var server = new MllpTestServer();
        await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", server.Port, Hl7AnalyserProfile.MindrayHaematology);

        var outcome = Assert.Single(await sim.SendResultsAsync(["260000203"], null, Limit()));

        Assert.True(outcome.Accepted);
        var stored = Assert.Single(server.Stored);
        Assert.Equal("260000203", stored.First("OBR")!.Value(3));
        Assert.Equal("6690-2", stored.First("OBX")!.Field(3).Component(1).Value);
        Assert.Equal(12, stored.All("OBX").Count());
    }

    [Fact]
    public async Task A_QC_run_is_sent_with_MSH_16_equal_to_2_and_acknowledged()
    {
        await using var server = new MllpTestServer();
        await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", server.Port, Hl7AnalyserProfile.MindrayChemistry);

        var outcome = Assert.Single(await sim.SendQcAsync("CTRL-Normal", "LOT-7", ["GLU", "UREA"], Limit()));

        Assert.True(outcome.Accepted);
        var stored = Assert.Single(server.Stored);
        Assert.Equal("2", stored.Msh.ApplicationAckType);
        Assert.Null(stored.First("PID"));
        Assert.Equal(["CTRL-Normal", "CTRL-Normal"], stored.All("OBR").Select(o => o.Value(13)));
    }

    [Fact]
    public async Task A_QRY_Q02_query_gets_QCK_then_DSR_with_the_tests_and_the_simulator_ACKs_it()
    {
        await using var server = new MllpTestServer();
        await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", server.Port, Hl7AnalyserProfile.MindrayChemistry);

        var outcome = await sim.QueryAsync("260000204", Limit());

        Assert.True(outcome.Found);
        Assert.Equal(["1", "3"], outcome.PendingTests);
        Assert.Equal("260000204", Assert.Single(server.Stored).First("QRD")!.Value(8));
        // The ACK^Q03 reached the server (no "unexpected" problem and the connection still works).
        Assert.True(Assert.Single(await sim.SendResultsAsync(["260000205"], ["GLU"], Limit())).Accepted);
        Assert.DoesNotContain(server.Problems, p => p.Kind is MllpProblemKind.UnreadableMessage or MllpProblemKind.HandlerFailed);
    }

    [Fact]
    public async Task The_duplicate_fault_sends_the_same_MSH_10_twice_and_both_are_acknowledged()
    {
        await using var server = new MllpTestServer();
        await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", server.Port, Hl7AnalyserProfile.MindrayChemistry, duplicate: true);

        var outcomes = await sim.SendResultsAsync(["260000206"], ["GLU"], Limit());

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(2, server.Stored.Count);
        Assert.Single(server.Stored.Select(m => m.ControlId).Distinct());
    }

    [Fact]
    public async Task A_listening_simulator_sends_results_to_the_LIS_that_connects_to_it()
    {
        var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        await using var sim = Hl7AnalyserSimulator.Listening(listener, Hl7AnalyserProfile.MindrayChemistry);
        var stored = new List<Hl7Message>();
        await using var unusedListener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0)); // the LIS serves one connection it opened itself
        var lis = new MllpServer(unusedListener, (m, _) => { lock (stored) stored.Add(m); return ValueTask.FromResult(Hl7Replies.Ack(m)); });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sending = sim.SendResultsAsync(["260000207"], ["GLU"], stop.Token);
        var toAnalyser = await new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port).ConnectAsync(stop.Token);
        var serving = lis.ServeAsync(toAnalyser, stop.Token);

        var outcome = Assert.Single(await sending);

        Assert.True(outcome.Accepted);
        lock (stored) Assert.Equal("260000207", Assert.Single(stored).First("OBR")!.Value(2));
        await stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task A_listening_simulator_takes_a_worklist_from_the_LIS_and_acknowledges_it_AA()
    {
        var listener = new TcpServerChannel(new IPEndPoint(IPAddress.Loopback, 0));
        await using var sim = Hl7AnalyserSimulator.Listening(listener, Hl7AnalyserProfile.MindrayHaematology);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var receiving = sim.ReceiveAsync(stop.Token);
        await using var lis = new MllpClient(new TcpClientChannel("127.0.0.1", listener.LocalEndPoint.Port));
        var order = new Hl7WorklistOrder { SpecimenBarcode = "260000208", Tests = [new Hl7OrderedTest("WBC"), new Hl7OrderedTest("HGB")] };

        var ack = await lis.SendAsync(Hl7Worklists.OrmO01(order, new Hl7Worklists.Destination(), Hl7ReplyHeader.Default), stop.Token);
        var received = await receiving;

        Assert.Equal("AA", ack.First("MSA")!.Value(1));
        Assert.Equal(Hl7MessageKind.OrmO01, received.Type.Kind);
        Assert.Equal(["WBC", "HGB"], received.All("OBR").Select(o => o.Field(4).Component(1).Value));
    }
}
