using System.Threading.Channels;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Astm;

/// <summary>One block of bytes on the line, for the byte journal.</summary>
public sealed record AstmTraffic(DateTimeOffset At, bool Outgoing, byte[] Bytes);

/// <summary>
/// Runs an <see cref="AstmLinkLayer"/> over an <see cref="IByteChannel"/> in real time: one loop reads the channel,
/// one runs the timers, and every call into the link layer, with the write of what it produced, happens under one
/// gate so bytes leave in protocol order. Events come out of <see cref="Events"/>.
/// </summary>
public sealed class AstmLinkSession : IAsyncDisposable
{
    private readonly IByteChannel _channel;
    private readonly AstmLinkLayer _link;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly Channel<AstmLinkEvent> _events = Channel.CreateUnbounded<AstmLinkEvent>(new() { SingleReader = false, SingleWriter = true });

    private readonly Action<AstmTraffic>? _traffic;

    /// <param name="traffic">
    /// Called with every byte block read or written, in order, for the byte journal. It runs inside the protocol's
    /// critical path: hand the block to a queue and return; never write to a database from it.
    /// </param>
    public AstmLinkSession(IByteChannel channel, AstmLinkOptions? options = null, TimeProvider? time = null, Action<AstmTraffic>? traffic = null)
    {
        _channel = channel;
        _time = time ?? TimeProvider.System;
        _link = new AstmLinkLayer(options, _time);
        _traffic = traffic;
    }

    public ChannelReader<AstmLinkEvent> Events => _events.Reader;

    public AstmLinkState State => _link.State;

    public string Description => _channel.Description;

    /// <summary>Reads and runs timers until the channel ends (read of 0 bytes) or <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timers = RunTimersAsync(stop.Token);
        // A failed write from a timer (line gone) stops the reading too; the failure surfaces below.
        _ = timers.ContinueWith(static (_, s) => ((CancellationTokenSource)s!).Cancel(), stop, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            var buffer = new byte[4096];
            while (true)
            {
                var n = await _channel.ReadAsync(buffer, stop.Token).ConfigureAwait(false);
                if (n == 0) break;
                _traffic?.Invoke(new AstmTraffic(_time.GetUtcNow(), Outgoing: false, buffer.AsSpan(0, n).ToArray()));
                await WithLinkAsync(static (link, bytes) => link.OnBytes(bytes.Span), buffer.AsMemory(0, n), stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try { await timers.ConfigureAwait(false); } catch (OperationCanceledException) { }
            _events.Writer.TryComplete();
        }
    }

    /// <summary>Queues a message (records ending in CR) for sending.</summary>
    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct) =>
        WithLinkAsync(static (link, m) => link.Enqueue(m.Span), message, ct);

    /// <summary>Queues record text (ISO-8859-1) for sending.</summary>
    public Task SendAsync(string message, CancellationToken ct) =>
        WithLinkAsync(static (link, m) => link.Enqueue(m), message, ct);

    /// <summary>Sends the ACK held back for the last received message (<see cref="AstmLinkOptions.HoldAckUntilConfirmed"/>).</summary>
    public async Task<bool> ConfirmDeliveredAsync(CancellationToken ct)
    {
        var confirmed = false;
        await WithLinkAsync((link, _) => confirmed = link.ConfirmDelivered(), 0, ct).ConfigureAwait(false);
        return confirmed;
    }

    /// <summary>Answers the other side's next frames with EOT (receiver interrupt, E1381 §6.3, receiver interrupt).</summary>
    public Task RequestReceiverInterruptAsync(CancellationToken ct) =>
        WithLinkAsync(static (link, _) => link.RequestReceiverInterrupt(), 0, ct);

    private async Task RunTimersAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                wait = _link.NextDeadline is { } due ? due - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            }
            finally { _gate.Release(); }
            if (wait != Timeout.InfiniteTimeSpan && wait <= TimeSpan.Zero)
            {
                await WithLinkAsync(static (link, _) => link.Tick(), 0, ct).ConfigureAwait(false);
                continue;
            }
            // Woken early whenever a call may have moved the deadline.
            await _wake.WaitAsync(wait, ct).ConfigureAwait(false);
        }
    }

    private async Task WithLinkAsync<T>(Action<AstmLinkLayer, T> action, T argument, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            action(_link, argument);
            if (!_link.PendingOutput.IsEmpty)
            {
                _traffic?.Invoke(new AstmTraffic(_time.GetUtcNow(), Outgoing: true, _link.PendingOutput.ToArray()));
                await _channel.WriteAsync(_link.PendingOutput, ct).ConfigureAwait(false);
                _link.ConsumeOutput();
            }
            while (_link.TryTakeEvent(out var linkEvent)) _events.Writer.TryWrite(linkEvent);
        }
        finally
        {
            _gate.Release();
        }
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _channel.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        _wake.Dispose();
    }
}
