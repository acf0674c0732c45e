using Hospital.Integration.Astm;
using Hospital.Integration.Simulators;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The ASTM analyser simulator over TCP (analyser as client, host listening), as network analysers and serial device servers run.</summary>
public class SimulatorAstmOverTcpTests
{
    [Fact]
    public async Task Results_and_a_QC_run_arrive_intact_and_the_QC_run_is_marked_with_action_code_Q()
    {
        await using var host = await SimulatorHost.OverTcpAsync();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Chemistry, seed: 11);

        var results = await sim.SendResultsAsync(["260000101", "260000102", "260000103"], ["GLU", "UREA", "CREA"], host.Token);
        var qc = await sim.SendQcAsync("LOT-2026-01", ["GLU"], host.Token);

        Assert.True(results.Completed && qc.Completed, $"{results} / {qc}");
        await host.WaitUntilAsync(_ => host.Messages().Count == 4);
        var messages = host.Messages();
        Assert.Equal(["260000101", "260000102", "260000103"], messages.Take(3).Select(m => m.Patients[0].Orders[0].Order.SpecimenId));
        Assert.All(messages.Take(3), m => Assert.False(m.Patients[0].Orders[0].Order.IsQualityControl));
        var qcOrder = messages[3].Patients[0].Orders[0].Order;
        Assert.True(qcOrder.IsQualityControl);
        Assert.Equal(["PCCC1", "LOT-2026-01"], qcOrder.SpecimenIdComponents.Take(2));
        Assert.Equal("Q", messages[3].Header.ProcessingId);
    }

    [Fact]
    public async Task A_bad_checksum_over_TCP_is_NAKed_and_the_resend_accepted()
    {
        await using var host = await SimulatorHost.OverTcpAsync();
        await using var sim = new AstmAnalyserSimulator(host.AnalyserChannel, AstmAnalyserProfile.Haematology, new AstmSimulatorFaults().With("bad-checksum:1"));

        var report = await sim.SendResultsAsync(["260000104"], ["WBC", "HGB"], host.Token);

        Assert.True(report.Completed, report.ToString());
        await host.WaitUntilAsync(_ => host.Messages().Count == 1);
        Assert.Single(host.Events.OfType<AstmFrameRejected>());
    }
}
