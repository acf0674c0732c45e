using System.Collections.Concurrent;
using System.Threading.Channels;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// Writes the byte journal (issue 5 item 8) in batches, off the sessions' path: <see cref="Enqueue"/> only puts the
/// entry in a bounded queue and returns, so a slow or locked database never delays an ACK past the E1381 15 s sender
/// timer (§6.5.2). When the queue is full the entry is counted, not waited for, and the count is written as an event
/// row as soon as there is room, so a gap in the journal is always visible.
/// </summary>
public sealed class AnalyserJournalWriter(IDbContextFactory<HospitalDbContext> contexts, TimeProvider clock, ILogger<AnalyserJournalWriter> log) : BackgroundService
{
    public const int Capacity = 20_000;
    private const int BatchSize = 500;

    private readonly Channel<AnalyserJournalEntry> _queue = Channel.CreateBounded<AnalyserJournalEntry>(
        // Wait mode, but only TryWrite is used: it returns false when full (the Drop modes report a dropped write as written).
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly ConcurrentDictionary<string, int> _dropped = new(StringComparer.OrdinalIgnoreCase);
    public void Enqueue(AnalyserJournalEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry)) _dropped.AddOrUpdate(entry.Analyser, 1, (_, n) => n + 1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AnalyserJournalEntry>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
                await DrainAsync(batch, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // What is queued at shutdown is still written: the journal is evidence.
        await DrainAsync(batch, CancellationToken.None);
    }

    private async Task DrainAsync(List<AnalyserJournalEntry> batch, CancellationToken ct)
    {
        while (true)
        {
            batch.Clear();
            foreach (var (analyser, _) in _dropped)
                if (_dropped.TryRemove(analyser, out var n))
                    batch.Add(new AnalyserJournalEntry
                    {
                        Analyser = analyser, At = clock.GetUtcNow().UtcDateTime, Direction = JournalDirection.Event,
                        Note = $"Hàng đợi nhật ký đầy: {n} khối dữ liệu không được ghi nhật ký (kết nối vẫn hoạt động).",
                    });
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var e)) batch.Add(e);
            if (batch.Count == 0) return;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                db.Set<AnalyserJournalEntry>().AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never kill the writer (the sessions go on); the lost batch is counted as dropped.
                log.LogError(e, "Analyser journal batch of {Count} entries could not be written", batch.Count);
                foreach (var g in batch.Where(b => b.Direction != JournalDirection.Event).GroupBy(b => b.Analyser))
                    _dropped.AddOrUpdate(g.Key, g.Count(), (_, n) => n + g.Count());
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
