using Hospital.Integration.Transport;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>A channel that hands out the given chunks one read at a time (a read never spans two chunks), then end of stream.</summary>
internal sealed class ScriptedChannel(IEnumerable<byte[]> chunks) : IByteChannel
{
    private readonly Queue<byte[]> pending = new(chunks);
    private byte[]? current;
    private int offset;

    public List<byte[]> Written { get; } = [];

    public string Description => "scripted";

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        while (current is null || offset == current.Length)
        {
            if (!pending.TryDequeue(out current)) return ValueTask.FromResult(0);
            offset = 0;
        }
        var n = Math.Min(buffer.Length, current.Length - offset);
        current.AsSpan(offset, n).CopyTo(buffer.Span);
        offset += n;
        return ValueTask.FromResult(n);
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        Written.Add(data.ToArray());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
