using System.Net;
using System.Net.Sockets;

namespace Hospital.Integration.Transport;

/// <summary>
/// Listens on a TCP port for instruments that connect to us, producing one <see cref="IByteChannel"/>
/// per accepted connection (an analyser may reconnect any time; several may share a port).
/// </summary>
public sealed class TcpServerChannel : IByteChannelListener
{
    private readonly Socket listener;

    public TcpServerChannel(IPEndPoint endpoint, int backlog = 64)
    {
        listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(endpoint);
            listener.Listen(backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Listens on all interfaces; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</summary>
    public TcpServerChannel(int port) : this(new IPEndPoint(IPAddress.Any, port)) { }

    public IPEndPoint LocalEndPoint { get; }

    public string Description => $"tcp-server {LocalEndPoint}";

    public async ValueTask<IByteChannel> AcceptAsync(CancellationToken ct)
    {
        var socket = await listener.AcceptAsync(ct).ConfigureAwait(false);
        return new TcpByteChannel(socket, $"tcp {socket.RemoteEndPoint} → {LocalEndPoint}");
    }

    public ValueTask DisposeAsync()
    {
        listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
