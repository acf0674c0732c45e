namespace Hospital.Integration.Transport;

/// <summary>Opens a new <see cref="IByteChannel"/> to an instrument each time one is needed (after a drop, a new one).</summary>
public interface IByteChannelConnector
{
    string Description { get; }

    /// <summary>Connects, retrying as the implementation sees fit, until connected or cancelled.</summary>
    ValueTask<IByteChannel> ConnectAsync(CancellationToken ct);
}

/// <summary>Hands out one <see cref="IByteChannel"/> per connection an instrument opens to us.</summary>
public interface IByteChannelListener : IAsyncDisposable
{
    string Description { get; }

    ValueTask<IByteChannel> AcceptAsync(CancellationToken ct);
}
