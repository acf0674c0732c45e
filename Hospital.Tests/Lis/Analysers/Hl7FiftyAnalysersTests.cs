using System.Net;
using System.Net.Sockets;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Mllp;
using Hospital.Integration.Simulators;
using Hospital.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// Issue 5 acceptance: 50 simulated analysers at once over TCP, 1,000 results each, zero lost and zero duplicated,
/// on PostgreSQL. Each analyser is declared in configuration as an HL7 tcp-server on its own port (the issue's
/// contract) and a simulator connects to it and sends 100 ORU^R01 of 10 results; one in ten simulators sends every
/// message twice with the same MSH-10, as after a lost ACK. PostgreSQL only: it is the database a lab runs this
/// load on, and the run fails (does not skip) without HOSPITAL_TEST_PG.
/// </summary>
public sealed class Hl7FiftyAnalysersTests
{
    private const int Analysers = 50, MessagesEach = 100, ResultsPerMessage = 10;

    internal static string NameOf(int analyser) => $"HL{analyser:00}";

    internal static string Barcode(int analyser, int message) => $"LOAD{analyser:00}{message:000}";

    [Fact]
    public async Task Fifty_HL7_analysers_at_once_send_1000_results_each_and_none_is_lost_or_stored_twice_on_PostgreSQL()
    {
        var ports = AnalyserRig.FreePorts(Analysers);
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Analysers; i++)
        {
            settings[$"Lis:Analysers:{i}:Name"] = NameOf(i);
            settings[$"Lis:Analysers:{i}:Protocol"] = "hl7";
            settings[$"Lis:Analysers:{i}:Transport"] = "tcp-server";
            settings[$"Lis:Analysers:{i}:Port"] = ports[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var app = await HospitalAppFactory.StartAsync(DatabaseProvider.PostgreSQL, settings);

        await SendAndVerifyAsync(app, ports);
    }

    /// <summary>Every simulator sends its messages in turn, all simulators at once; then the database holds each result exactly once.</summary>
    internal static async Task SendAndVerifyAsync(HospitalAppFactory app, IReadOnlyList<int> ports)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var tests = Hl7AnalyserProfile.MindrayHaematology.Menu.Take(ResultsPerMessage).Select(t => t.Code).ToList();
        var senders = ports.Select((port, i) => Task.Run(async () =>
        {
            await using var sim = Hl7AnalyserSimulator.ToHost("127.0.0.1", port, Hl7AnalyserProfile.MindrayHaematology, seed: i + 1,
                duplicate: i % 10 == 0, options: new MllpOptions { SendAttempts = 3, AckTimeout = TimeSpan.FromSeconds(60) });
            return await sim.SendResultsAsync(Enumerable.Range(1, MessagesEach).Select(n => Barcode(i, n)), tests, limit.Token);
        })).ToList();
        var outcomes = await Task.WhenAll(senders);

        for (var i = 0; i < ports.Count; i++)
        {
            Assert.Equal(MessagesEach * (i % 10 == 0 ? 2 : 1), outcomes[i].Count);
            Assert.All(outcomes[i], o => Assert.Equal("AA", o.AckCode));
        }

        await using var db = app.Database.NewContext();
        var names = Enumerable.Range(0, ports.Count).Select(NameOf).ToList();
        var messages = await db.Set<AnalyserMessage>().Where(m => names.Contains(m.Analyser))
            .GroupBy(m => m.Analyser).Select(g => new { g.Key, Count = g.Count(), Errors = g.Count(m => m.Error != null) }).ToListAsync();
        var unmatched = await db.Set<UnmatchedLabResult>().Where(u => names.Contains(u.Analyser))
            .GroupBy(u => u.Analyser).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var matched = await db.Set<LabResult>().CountAsync(r => names.Contains(r.Analyser!));
        var distinctValues = await db.Set<UnmatchedLabResult>().Where(u => names.Contains(u.Analyser))
            .Select(u => new { u.Analyser, u.Barcode, u.AnalyserTestCode }).Distinct().CountAsync();

        Assert.Equal(ports.Count, messages.Count);
        Assert.All(messages, m => Assert.Equal((MessagesEach, 0), (m.Count, m.Errors)));
        Assert.All(names, n => Assert.Equal(MessagesEach * ResultsPerMessage, unmatched.GetValueOrDefault(n)));
        Assert.Equal(0, matched);
        Assert.Equal(ports.Count * MessagesEach * ResultsPerMessage, distinctValues);
    }
}
