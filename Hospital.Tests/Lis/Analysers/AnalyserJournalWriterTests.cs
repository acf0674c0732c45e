using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>The byte journal never holds up a session: a full queue drops entries, counts them and says so in the journal.</summary>
public sealed class AnalyserJournalWriterTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_full_queue_drops_without_waiting_and_the_gap_is_recorded_as_an_event(DatabaseProvider provider)
    {
        await using var app = await HospitalAppFactory.StartAsync(provider);
        var writer = new AnalyserJournalWriter(app.Services.GetRequiredService<IDbContextFactory<HospitalDbContext>>(), TimeProvider.System,
            app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AnalyserJournalWriter>>());
        // Not started yet: nothing drains the queue, as when the database is slow.
        for (var i = 0; i < AnalyserJournalWriter.Capacity + 7; i++)
            writer.Enqueue(new AnalyserJournalEntry { Analyser = "XQ1", At = DateTime.UtcNow, Direction = JournalDirection.In, Data = [0x06] });

        await writer.StartAsync(CancellationToken.None);
        try
        {
            await AnalyserRig.WaitUntilAsync(async () => await AnalyserRig.CountAsync<AnalyserJournalEntry>(app, e => e.Analyser == "XQ1") == AnalyserJournalWriter.Capacity + 1,
                "the queued entries and the drop event written");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; rows {await AnalyserRig.CountAsync<AnalyserJournalEntry>(app, x => x.Analyser == "XQ1")}; log {app.Logs.All}");
        }
        await writer.StopAsync(CancellationToken.None);

        await using var db = app.Database.NewContext();
        var gap = await db.Set<AnalyserJournalEntry>().SingleAsync(e => e.Analyser == "XQ1" && e.Direction == JournalDirection.Event);
        Assert.Contains("7 khối", gap.Note);
    }
}
