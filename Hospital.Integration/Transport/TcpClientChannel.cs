using System.Net.Sockets;

namespace Hospital.Integration.Transport;

/// <summary>
/// Connects to an instrument (or a serial device server) listening on TCP, retrying with
/// <see cref="ReconnectBackoff"/> until it answers. Each successful connect yields a fresh
/// <see cref="TcpByteChannel"/>; after a drop the owner disposes it and connects again.
/// </summary>
public sealed class TcpClientChannel(string host, int port, ReconnectBackoff? backoff = null, TimeProvider? clock = null) : IByteChannelConnector
{
    private readonly ReconnectBackoff backoff = backoff ?? ReconnectBackoff.Default;
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public string Description => $"tcp-client {host}:{port}";

    /// <summary>Failed attempts since the last successful connection.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Why the last attempt failed (for the analyser status screen).</summary>
    public string? LastError { get; private set; }

    /// <summary>Called after each failed attempt with the error and the delay before the next one.</summary>
    public Action<Exception, TimeSpan>? OnAttemptFailed { get; init; }

    public async ValueTask<IByteChannel> ConnectAsync(CancellationToken ct)
    {
        while (true)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(host, port, ct).ConfigureAwait(false);
                FailedAttempts = 0;
                LastError = null;
                return new TcpByteChannel(socket, $"tcp {socket.LocalEndPoint} → {host}:{port}");
            }
            catch (SocketException e)
            {
                socket.Dispose();
                FailedAttempts++;
                LastError = $"connect to {host}:{port} failed: {e.SocketErrorCode} ({e.Message})";
                var delay = backoff.DelayAfter(FailedAttempts);
                OnAttemptFailed?.Invoke(e, delay);
                await Task.Delay(delay, clock, ct).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
