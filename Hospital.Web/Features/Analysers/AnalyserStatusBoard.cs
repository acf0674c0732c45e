using System.Collections.Concurrent;
using Hospital.Domain.Common;
using Hospital.Domain.Lab;

namespace Hospital.Web.Features.Analysers;

/// <summary>What the lab sees of one analyser link right now (a copy; the board keeps the live one).</summary>
public sealed record AnalyserStatus(
    string Name, AnalyserProtocol Protocol, AnalyserTransport Transport, bool Active, bool Connected, DateTime? Since,
    DateTime? LastMessageAt, int MessagesToday, string? LastError, DateTime? LastErrorAt, string? Peer, string? Address);

/// <summary>
/// Live status of every analyser link (issue 5 item 8: connected, last message, errors), kept in memory by the
/// sessions and read by <c>/lab/analysers</c> and <c>GET /api/v1/analysers</c>. Also lists analysers that could not
/// start (a bad configuration entry), with the reason as their last error.
/// </summary>
public sealed class AnalyserStatusBoard(TimeProvider clock)
{
    private sealed class Entry
    {
        public required AnalyserStatus Status;
        public DateOnly Day;
        public int Connections;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<AnalyserStatus> All() =>
        _entries.Values.Select(Read).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public AnalyserStatus? Find(string name) => _entries.TryGetValue(name, out var e) ? Read(e) : null;

    /// <summary>The analyser is (re)declared: keeps its counters, shows it disconnected until its transport is up.</summary>
    public void Declare(Analyser a, string? address)
    {
        var e = _entries.GetOrAdd(a.Name, n => new Entry { Status = new AnalyserStatus(n, a.Protocol, a.Transport, a.IsActive, false, null, null, 0, null, null, null, address) });
        Update(e, s => s with { Protocol = a.Protocol, Transport = a.Transport, Active = a.IsActive, Address = address });
    }

    /// <summary>An entry that could not be started (configuration error): listed with the reason.</summary>
    public void Rejected(string name, AnalyserProtocol protocol, AnalyserTransport transport, string reason)
    {
        var e = _entries.GetOrAdd(name, n => new Entry { Status = new AnalyserStatus(n, protocol, transport, false, false, null, null, 0, null, null, null, null) });
        Update(e, s => s with { Active = false, Connected = false, LastError = reason, LastErrorAt = Now });
    }

    public void Remove(string name) => _entries.TryRemove(name, out _);

    public void Connected(string name, string peer) => With(name, e =>
    {
        e.Connections++;
        e.Status = e.Status with { Connected = true, Since = e.Connections == 1 ? Now : e.Status.Since ?? Now, Peer = peer };
    });

    public void Disconnected(string name) => With(name, e =>
    {
        e.Connections = Math.Max(0, e.Connections - 1);
        if (e.Connections == 0) e.Status = e.Status with { Connected = false, Since = Now, Peer = null };
    });

    public void MessageReceived(string name) => With(name, e =>
    {
        var now = Now;
        var today = VietnamCalendar.DateOf(now);
        var count = e.Day == today ? e.Status.MessagesToday + 1 : 1;
        e.Day = today;
        e.Status = e.Status with { LastMessageAt = now, MessagesToday = count };
    });

    public void Error(string name, string error) => With(name, e => e.Status = e.Status with { LastError = error, LastErrorAt = Now });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private AnalyserStatus Read(Entry e)
    {
        lock (e)
        {
            // "Today" is the lab's day: yesterday's count is not shown as today's.
            if (e.Status.MessagesToday > 0 && e.Day != VietnamCalendar.DateOf(Now)) e.Status = e.Status with { MessagesToday = 0 };
            return e.Status;
        }
    }

    private void With(string name, Action<Entry> change)
    {
        if (!_entries.TryGetValue(name, out var e)) return;
        lock (e) change(e);
    }

    private static void Update(Entry e, Func<AnalyserStatus, AnalyserStatus> change)
    {
        lock (e) e.Status = change(e.Status);
    }
}
