using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Transport;
using Hospital.Lis.Analysers;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// The hosted analyser sessions (issue 5 item 8): at start, analysers from configuration are checked and synced into
/// the <c>analysers</c> table (a bad entry is logged and listed with its reason; the others start), then one
/// <see cref="AnalyserSession"/> runs per active analyser. The admin screen calls <see cref="RestartAsync"/> after a change,
/// which stops the old session and starts the new declaration (or none when deactivated).
/// </summary>
public sealed class AnalyserSessions(IServiceScopeFactory scopes, IEnumerable<IAnalyserDialogue> dialogues, AnalyserStatusBoard board,
    AnalyserJournalWriter journal, IConfiguration config, TimeProvider clock, ILoggerFactory logs) : BackgroundService
{
    private readonly ILogger _log = logs.CreateLogger<AnalyserSessions>();
    private readonly Dictionary<string, AnalyserSession> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopping;

    /// <summary>Completes once configuration is synced and the sessions are started.</summary>
    public Task Started => _started.Task;

    /// <summary>What the start-up sync reported (for the admin screen and tests).</summary>
    public IReadOnlyList<AnalyserConfigurationProblem> ConfigurationProblems { get; private set; } = [];

    /// <summary>Reconnection delays: from 1 s up to 30 s, so a repaired cable or restarted analyser is back within half a minute.</summary>
    private static readonly ReconnectBackoff Backoff = new() { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(30) };

    /// <summary>Links of running analysers that take worklist pushes.</summary>
    public IReadOnlyList<AnalyserLink> BroadcastLinks()
    {
        lock (_running) return _running.Values.Select(s => s.Link).Where(l => l.Definition.Broadcast).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var configured = ConfiguredAnalysers.Read(config);
            await using (var scope = scopes.CreateAsyncScope())
                ConfigurationProblems = await scope.ServiceProvider.GetRequiredService<AnalyserConfigurationSync>().SyncAsync(configured, stoppingToken);
            List<Analyser> active;
            await using (var scope = scopes.CreateAsyncScope())
                active = await scope.ServiceProvider.GetRequiredService<HospitalDbContext>().Set<Analyser>().AsNoTracking()
                    .Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(stoppingToken);
            await _gate.WaitAsync(stoppingToken);
            try
            {
                foreach (var a in active) Start(a);
            }
            finally { _gate.Release(); }
            foreach (var p in ConfigurationProblems.Where(p => p.Started))
            {
                _log.LogWarning("Analyser configuration {Key} ({Analyser}): {Problem}", p.Key, p.Analyser, p.Message);
                board.Error(p.Analyser!, p.Message);
            }
            foreach (var entry in ConfigurationProblems.Where(p => !p.Started).GroupBy(p => p.Key))
            {
                var reasons = string.Join(" ", entry.Select(p => p.Message));
                var name = configured.First(x => x.Key == entry.Key).Name;
                _log.LogError("Analyser configuration {Key} ({Analyser}) not started: {Problem}", entry.Key, name, reasons);
                // Listed with what could be read of it, so the lab sees which analyser is missing and why.
                board.Rejected(name.Length > 0 ? name : entry.Key,
                    AnalyserSpelling.Protocol(config[$"{entry.Key}:Protocol"]) ?? AnalyserProtocol.Astm,
                    AnalyserSpelling.Transport(config[$"{entry.Key}:Transport"]) ?? AnalyserTransport.Serial, $"{entry.Key}: {reasons}");
            }
            _started.TrySetResult();
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _log.LogError(e, "Analyser sessions could not start");
            _started.TrySetException(e);
        }
        finally
        {
            await StopAllAsync();
        }
    }

    /// <summary>Stops the analyser's session and starts it again from its stored declaration (none when inactive or gone).</summary>
    public async Task RestartAsync(string name, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_stopping) return;
            AnalyserSession? old;
            lock (_running) _running.Remove(name, out old);
            if (old is not null) await old.DisposeAsync();
            await using var scope = scopes.CreateAsyncScope();
            var a = await scope.ServiceProvider.GetRequiredService<HospitalDbContext>().Set<Analyser>().AsNoTracking()
                .FirstOrDefaultAsync(x => x.Name == name, ct);
            if (a is null) { board.Remove(name); return; }
            board.Declare(a, AnalyserSession.Address(a));
            if (a.IsActive) Start(a);
            else board.Disconnected(name);
        }
        finally { _gate.Release(); }
    }

    private void Start(Analyser a)
    {
        board.Declare(a, AnalyserSession.Address(a));
        var logger = logs.CreateLogger($"{typeof(AnalyserSession).FullName}.{a.Name}");
        var link = new AnalyserLink(a, scopes, journal, board, clock, logger);
        var dialogue = dialogues.FirstOrDefault(d => d.Protocol == a.Protocol);
        if (dialogue is null)
        {
            link.Event($"Chưa có phần mềm giao tiếp cho giao thức {AnalyserSpelling.Of(a.Protocol)}: máy chưa được kết nối.", isError: true);
            return;
        }
        lock (_running) _running[a.Name] = new AnalyserSession(link, dialogue, board, Backoff);
    }

    private async Task StopAllAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _stopping = true;
            List<AnalyserSession> all;
            lock (_running)
            {
                all = [.. _running.Values];
                _running.Clear();
            }
            await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
        }
        finally { _gate.Release(); }
    }
}
