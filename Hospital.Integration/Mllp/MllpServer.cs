using Hospital.Integration.Hl7;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Mllp;

/// <summary>
/// Receives HL7 messages over MLLP from any number of connections, each carrying any number of
/// messages in turn. For each readable message it awaits the handler — where a LIS stores the message
/// durably — and only then writes the reply, so an ACK always means "stored". Unreadable, oversized or
/// failed messages are answered AE/AR with an ERR segment and the connection keeps working.
/// </summary>
public sealed class MllpServer
{
    private readonly IByteChannelListener listener;
    private readonly Func<Hl7Message, CancellationToken, ValueTask<MllpReply>> handler;
    private readonly MllpOptions options;
    private int activeConnections;
    private long messagesReceived;

    /// <summary>A server whose handler returns the one reply (ACK or response) for each message.</summary>
    public MllpServer(IByteChannelListener listener, Func<Hl7Message, CancellationToken, ValueTask<Hl7Message>> handler, MllpOptions? options = null)
        : this(listener, async (m, ct) => (MllpReply)await handler(m, ct).ConfigureAwait(false), options) { }

    /// <summary>A server whose handler may add follow-up messages (QCK^Q02 then DSR^Q03) or answer nothing.</summary>
    public MllpServer(IByteChannelListener listener, Func<Hl7Message, CancellationToken, ValueTask<MllpReply>> handler, MllpOptions? options = null)
    {
        this.listener = listener;
        this.handler = handler;
        this.options = options ?? MllpOptions.Default;
    }

    public int ActiveConnections => Volatile.Read(ref activeConnections);

    public long MessagesReceived => Interlocked.Read(ref messagesReceived);

    /// <summary>Accepts connections until cancelled; each runs on its own until its peer leaves.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var running = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                IByteChannel channel;
                try
                {
                    channel = await listener.AcceptAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
                catch (ObjectDisposedException) { break; } // the listener was closed: the server stops
                catch (System.Net.Sockets.SocketException e)
                {
                    // e.g. out of file descriptors: report, breathe, keep listening for the next analyser.
                    options.OnProblem?.Invoke(new MllpProblem(listener.Description, MllpProblemKind.ConnectionError, $"accept failed: {e.SocketErrorCode} ({e.Message})"));
                    try { await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false); }
                    catch (OperationCanceledException) { break; }
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(ServeAsync(channel, ct));
            }
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Serves one connection until the peer closes it or <paramref name="ct"/> is cancelled.</summary>
    public async Task ServeAsync(IByteChannel channel, CancellationToken ct)
    {
        Interlocked.Increment(ref activeConnections);
        await using var _ = channel.ConfigureAwait(false);
        try
        {
            var connection = new MllpServerConnection(channel, handler, options, () => Interlocked.Increment(ref messagesReceived));
            await connection.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            // One connection's failure never stops the others or the server: report it and close this one.
            options.OnProblem?.Invoke(new MllpProblem(channel.Description,
                e is MllpFrameTimeoutException ? MllpProblemKind.IncompleteBlock : MllpProblemKind.ConnectionError, $"{e.GetType().Name}: {e.Message}"));
        }
        finally
        {
            Interlocked.Decrement(ref activeConnections);
        }
    }
}
