namespace Hospital.Integration.Transport;
/// A duplex byte stream to an instrument, whatever carries it (serial port, TCP client, TCP server connection).
public interface IByteChannel : IAsyncDisposable
{
    string Description { get; }
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct);
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);
}
