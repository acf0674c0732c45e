using System.Threading.Channels;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Simulators;

/// <summary>
/// The simulator's view of its <see cref="IByteChannel"/>: one background loop reads whatever arrives, and the
/// simulator takes it a byte at a time with a deadline (a reply that does not come is an answer too). Every block read
/// or written goes to the optional trace.
/// </summary>
internal sealed class SimulatorLine : IAsyncDisposable
{
    private readonly IByteChannel _channel;
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly Action<bool, ReadOnlyMemory<byte>>? _trace;
    private byte[] _current = [];
    private int _offset;

    public SimulatorLine(IByteChannel channel, Action<bool, ReadOnlyMemory<byte>>? trace)
    {
        _channel = channel;
        _trace = trace;
        _pump = Task.Run(PumpAsync);
    }

    public string Description => _channel.Description;

    private async Task PumpAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await _channel.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0) break;
                _trace?.Invoke(false, buffer.AsMemory(0, n));
                _incoming.Writer.TryWrite(buffer.AsSpan(0, n).ToArray());
            }
            _incoming.Writer.TryComplete();
        }
        catch (OperationCanceledException) { _incoming.Writer.TryComplete(); }
        catch (Exception e) { _incoming.Writer.TryComplete(e); }
    }

    /// <summary>The next byte, or -1 when none arrives within <paramref name="timeout"/>.</summary>
    /// <exception cref="EndOfStreamException">the other side closed the line.</exception>
    public async Task<int> ReadByteAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_offset < _current.Length) return _current[_offset++];
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            if (!await _incoming.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                throw new EndOfStreamException($"{_channel.Description} closed the line.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return -1;
        }
        _incoming.Reader.TryRead(out var block);
        _current = block!;
        _offset = 1;
        return _current[0];
    }

    /// <summary>Drops bytes that arrived and were not read (stale replies before a new session).</summary>
    public int DiscardPending()
    {
        var n = _current.Length - _offset;
        _offset = _current.Length;
        while (_incoming.Reader.TryRead(out var block)) n += block.Length;
        return n;
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        _trace?.Invoke(true, data);
        await _channel.WriteAsync(data, ct).ConfigureAwait(false);
    }

    public Task WriteAsync(byte b, CancellationToken ct) => WriteAsync(new[] { b }, ct);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _channel.DisposeAsync().ConfigureAwait(false);
        try { await _pump.ConfigureAwait(false); } catch (Exception) { /* the line is going away; its last error no longer matters */ }
        _stop.Dispose();
    }
}
