using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;
using Hospital.Integration.Transport;

namespace Hospital.Integration.Mllp;

/// <summary>One accepted connection of an <see cref="MllpServer"/>: read a block, answer it, repeat.</summary>
internal sealed class MllpServerConnection(
    IByteChannel channel,
    Func<Hl7Message, CancellationToken, ValueTask<MllpReply>> handler,
    MllpOptions options,
    Action onMessage)
{
    private readonly MllpFrameReader reader = new(channel, options.MaxMessageBytes, options.PartialFrameTimeout);

    public async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            var frame = await reader.ReadAsync(ct).ConfigureAwait(false);
            switch (frame.Status)
            {
                case MllpFrameStatus.EndOfStream:
                    return;
                case MllpFrameStatus.TruncatedAtEnd:
                    Problem(MllpProblemKind.IncompleteBlock, $"{frame.Problem} ({frame.TotalBytes} bytes discarded)");
                    return;
                case MllpFrameStatus.Interrupted:
                    // The sender gave up on that block and started another; it will resend after its own timeout.
                    Problem(MllpProblemKind.IncompleteBlock, $"{frame.Problem} ({frame.TotalBytes} bytes discarded)");
                    continue;
                case MllpFrameStatus.TooLarge:
                    Problem(MllpProblemKind.MessageTooLarge, $"{frame.TotalBytes} bytes: {frame.Problem}");
                    var tooLarge = Hl7AckError.TooLarge(frame.TotalBytes, options.MaxMessageBytes);
                    await SendAsync(Hl7Replies.AckForUnreadable(frame.Payload.Span, Hl7AckCode.Reject, tooLarge, options.ReplyHeader), ct).ConfigureAwait(false);
                    continue;
            }
            onMessage();
            await AnswerAsync(frame.Payload, ct).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(payload.Span, options.Parse);
        }
        catch (Hl7FormatException e)
        {
            Problem(MllpProblemKind.UnreadableMessage, e.Message);
            await SendAsync(Hl7Replies.AckForUnreadable(payload.Span, Hl7Replies.AckCodeFor(e), Hl7AckError.From(e), options.ReplyHeader), ct).ConfigureAwait(false);
            return;
        }
        if (message.Type.Kind == Hl7MessageKind.Ack)
        {
            Problem(MllpProblemKind.UnexpectedAck, $"ACK for {message.First("MSA")?.Value(2)} received while none was awaited; not answered");
            return;
        }
        MllpReply reply;
        try
        {
            reply = await handler(message, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            Problem(MllpProblemKind.HandlerFailed, $"message {message.ControlId}: {e.GetType().Name}: {e.Message}");
            var error = e is Hl7FormatException f
                ? Hl7AckError.From(f)
                : new Hl7AckError(Hl7ErrorCode.ApplicationInternalError, "the message could not be stored; please resend");
            await SendAsync(Hl7Replies.Ack(message, Hl7AckCode.Error, error, options.ReplyHeader), ct).ConfigureAwait(false);
            return;
        }
        if (reply.Response is { } response) await SendAsync(response, ct).ConfigureAwait(false);
        foreach (var followUp in reply.FollowUps)
        {
            await SendAsync(followUp, ct).ConfigureAwait(false);
            if (!await AwaitAckAsync(followUp, ct).ConfigureAwait(false)) return;
        }
    }

    /// <summary>Waits for the peer's ACK to a follow-up we sent; other traffic meanwhile is answered normally.</summary>
    private async Task<bool> AwaitAckAsync(Hl7Message sent, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(options.AckTimeout);
        while (true)
        {
            MllpFrame frame;
            try
            {
                frame = await reader.ReadAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The read was abandoned mid-call, so the stream position is unknown: drop the connection.
                Problem(MllpProblemKind.AckMissing, $"no ACK to {sent.Type} {sent.ControlId} within {options.AckTimeout.TotalSeconds:0.#} s");
                throw new MllpConnectionException($"no ACK to {sent.ControlId}; connection reset");
            }
            if (frame.Status is MllpFrameStatus.EndOfStream or MllpFrameStatus.TruncatedAtEnd)
            {
                Problem(MllpProblemKind.AckMissing, $"connection closed before the ACK to {sent.Type} {sent.ControlId}");
                throw new MllpConnectionException("connection closed while an ACK was awaited");
            }
            if (!frame.IsMessage) continue;
            Hl7Message? ack = null;
            try { ack = Hl7Message.Parse(frame.Payload.Span, options.Parse); } catch (Hl7FormatException) { }
            if (ack is not null && ack.Type.Kind == Hl7MessageKind.Ack && ack.First("MSA") is { } msa && msa.Value(2) == sent.ControlId)
            {
                if (msa.Value(1) is not ("AA" or "CA"))
                    Problem(MllpProblemKind.AckMissing, $"{sent.Type} {sent.ControlId} answered {msa.Value(1)}: {msa.Value(3)}");
                return true;
            }
            if (ack is not null && ack.Type.Kind == Hl7MessageKind.Ack)
            {
                Problem(MllpProblemKind.UnexpectedAck, $"ACK for {ack.First("MSA")?.Value(2)} while waiting for the ACK to {sent.ControlId}");
                continue;
            }
            onMessage();
            await AnswerAsync(frame.Payload, ct).ConfigureAwait(false);
        }
    }

    private ValueTask SendAsync(Hl7Message message, CancellationToken ct) => MllpFraming.WriteAsync(channel, message, ct);

    private void Problem(MllpProblemKind kind, string detail) => options.OnProblem?.Invoke(new MllpProblem(channel.Description, kind, detail));
}
