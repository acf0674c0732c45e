using System.Net.Sockets;

namespace Hospital.Integration.Transport;

/// <summary>An <see cref="IByteChannel"/> over one connected TCP socket (either end: we connected, or we accepted).</summary>
public sealed class TcpByteChannel : IByteChannel
{
    private readonly Socket socket;
    private int disposed;

    public TcpByteChannel(Socket socket, string description)
    {
        this.socket = socket;
        socket.NoDelay = true; // protocol replies are small and latency-bound (ACKs within the sender's timer)
        Description = description;
    }

    public string Description { get; }

    /// <summary>Returns 0 when the peer closed its side.</summary>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct) => socket.ReceiveAsync(buffer, SocketFlags.None, ct);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, ct).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
            socket.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Description;
}
