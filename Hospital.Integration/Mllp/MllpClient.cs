using Hospital.Integration.Hl7;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Mllp;

/// <summary>
/// Sends HL7 messages over MLLP and waits for each one's acknowledgment, matched on MSA-2 = MSH-10 so a
/// late ACK is never taken for the next message's (Mirth issue #1441, spec §3.3). The connection is
/// opened on first use and re-opened through the connector (with its backoff) after a failure; after an
/// ACK timeout it is dropped, because a late ACK could still arrive on it. Messages the peer sends on
/// its own (e.g. DSR^Q03 after QCK^Q02) are kept for <see cref="ReceiveAsync"/>.
/// </summary>
public sealed class MllpClient(IByteChannelConnector connector, MllpOptions? options = null) : IAsyncDisposable
{
    private readonly MllpOptions options = options ?? MllpOptions.Default;
    private readonly Queue<Hl7Message> unsolicited = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private IByteChannel? channel;
    private MllpFrameReader? reader;

    public bool Connected => channel is not null;

    /// <summary>
    /// Sends a message and returns the peer's response to it (ACK, QCK, RSP…). A dropped connection is
    /// reopened and the message resent, up to <see cref="MllpOptions.SendAttempts"/> times; the receiver
    /// is expected to deduplicate on MSH-10 (spec §3.3).
    /// </summary>
    public async Task<Hl7Message> SendAsync(Hl7Message message, CancellationToken ct)
    {
        var framed = MllpFraming.Frame(message);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (link, frames) = await ConnectionAsync(ct).ConfigureAwait(false);
                    await link.WriteAsync(framed, ct).ConfigureAwait(false);
                    return await ResponseAsync(frames, message.ControlId, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException && !ct.IsCancellationRequested)
                {
                    await DropAsync().ConfigureAwait(false);
                    options.OnProblem?.Invoke(new MllpProblem(connector.Description, MllpProblemKind.ConnectionError, $"attempt {attempt}: {e.Message}"));
                    if (attempt >= options.SendAttempts)
                        throw new MllpConnectionException($"MLLP: message {message.ControlId} not acknowledged after {attempt} attempts: {e.Message}", e);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends a message that expects no acknowledgment (our ACK to the peer's message).</summary>
    public async Task SendWithoutAckAsync(Hl7Message message, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (link, _) = await ConnectionAsync(ct).ConfigureAwait(false);
            await MllpFraming.WriteAsync(link, message, ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The next message the peer sent on its own (not a response to ours), waiting up to the ACK timeout.</summary>
    public async Task<Hl7Message> ReceiveAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (unsolicited.TryDequeue(out var queued)) return queued;
            var (_, frames) = await ConnectionAsync(ct).ConfigureAwait(false);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(options.AckTimeout);
            try
            {
                while (true)
                {
                    var frame = await ReadMessageAsync(frames, timer.Token).ConfigureAwait(false);
                    if (frame is not null) return frame;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await DropAsync().ConfigureAwait(false);
                throw new TimeoutException($"MLLP: no message from {connector.Description} within {options.AckTimeout.TotalSeconds:0.#} s");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Hl7Message> ResponseAsync(MllpFrameReader frames, string controlId, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(options.AckTimeout);
        try
        {
            while (true)
            {
                var message = await ReadMessageAsync(frames, timer.Token).ConfigureAwait(false);
                if (message is null) continue;
                if (message.First("MSA") is { } msa)
                {
                    if (msa.Value(2) == controlId) return message;
                    options.OnProblem?.Invoke(new MllpProblem(connector.Description, MllpProblemKind.UnexpectedAck, $"response for {msa.Value(2)} while waiting for {controlId}; ignored"));
                    continue;
                }
                unsolicited.Enqueue(message);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await DropAsync().ConfigureAwait(false);
            options.OnProblem?.Invoke(new MllpProblem(connector.Description, MllpProblemKind.AckMissing, $"no acknowledgment for {controlId} within {options.AckTimeout.TotalSeconds:0.#} s"));
            throw new MllpAckTimeoutException(controlId, options.AckTimeout);
        }
    }

    /// <summary>The next readable message, or null for a block that was skipped (reported as a problem).</summary>
    private async Task<Hl7Message?> ReadMessageAsync(MllpFrameReader frames, CancellationToken ct)
    {
        var frame = await frames.ReadAsync(ct).ConfigureAwait(false);
        switch (frame.Status)
        {
            case MllpFrameStatus.EndOfStream:
            case MllpFrameStatus.TruncatedAtEnd:
                throw new MllpConnectionException($"MLLP: {connector.Description} closed the connection");
            case MllpFrameStatus.Message:
                try { return Hl7Message.Parse(frame.Payload.Span, options.Parse); }
                catch (Hl7FormatException e)
                {
                    options.OnProblem?.Invoke(new MllpProblem(connector.Description, MllpProblemKind.UnreadableMessage, e.Message));
                    return null;
                }
            default:
                options.OnProblem?.Invoke(new MllpProblem(connector.Description,
                    frame.Status == MllpFrameStatus.TooLarge ? MllpProblemKind.MessageTooLarge : MllpProblemKind.IncompleteBlock, frame.Problem ?? frame.Status.ToString()));
                return null;
        }
    }

    private async ValueTask<(IByteChannel, MllpFrameReader)> ConnectionAsync(CancellationToken ct)
    {
        if (channel is null || reader is null)
        {
            channel = await connector.ConnectAsync(ct).ConfigureAwait(false);
            reader = new MllpFrameReader(channel, options.MaxMessageBytes, options.PartialFrameTimeout);
        }
        return (channel, reader);
    }

    private async ValueTask DropAsync()
    {
        var old = channel;
        channel = null;
        reader = null;
        if (old is not null) await old.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
