using System.Buffers;

namespace Hospital.Integration.Astm;

/// <summary>The receiver's side: frames checked and acknowledged, retransmissions recognised, messages reassembled.</summary>
public sealed partial class AstmLinkLayer
{
    private const string BeforeStx = "bytes before STX while receiving (ignored, LIS01-A2 §6.5.1.1)";
    private const string RepeatedFrame = "frame repeated after a lost ACK: acknowledged again, text not appended twice (E1381 §6.3 and §6.5.1)";

    private readonly ArrayBufferWriter<byte> _message = new(1024);
    private byte[] _frameBody = new byte[512];
    private int _frameBodyLength;
    private bool _inFrame;
    private bool _frameTooLong;
    private int _lastAcceptedFn;
    private bool _acceptedAny;
    private bool _awaitingConfirm;
    private bool _interruptRequested;

    /// <summary>
    /// Receiver interrupt (E1381 §6.3, receiver interrupt): answer the next accepted frames with EOT instead of ACK, asking the sender
    /// to end its session so that ours can start. Cleared when the other side's session ends.
    /// </summary>
    public void RequestReceiverInterrupt() => _interruptRequested = true;

    /// <summary>
    /// With <see cref="AstmLinkOptions.HoldAckUntilConfirmed"/>: the last <see cref="AstmMessageReceived"/> is safe, send
    /// the ACK of its end frame now. Returns false when no ACK was pending (the sender gave up or none was held).
    /// </summary>
    public bool ConfirmDelivered()
    {
        if (!_awaitingConfirm || State != AstmLinkState.Receiving) return false;
        _awaitingConfirm = false;
        ReplyAccepted(_time.GetUtcNow());
        return true;
    }

    private void StartReceiving(DateTimeOffset now)
    {
        State = AstmLinkState.Receiving;
        _message.ResetWrittenCount();
        _inFrame = false;
        _acceptedAny = false;
        _awaitingConfirm = false;
        _deadline = now + _options.ReceiverTimeout;
    }

    /// <summary>Consumes bytes while receiving; returns how many it used (it stops early when the session ends).</summary>
    private int OnReceivingBytes(ReadOnlySpan<byte> data, DateTimeOffset now)
    {
        if (_inFrame)
        {
            var end = data.IndexOfAny(AstmControl.Lf, AstmControl.Eot);
            if (end >= 0 && data[end] == AstmControl.Eot)
            {
                // EOT never occurs inside a frame: the sender gave up (its 15 s ran out) while our frame had lost its end.
                Ignore("incomplete frame ended by the sender's EOT", _frameBodyLength + end + 1);
                _inFrame = false;
                EndOfSession(now);
                return end + 1;
            }
            var take = end < 0 ? data.Length : end + 1;
            AppendFrameBytes(data[..take]);
            if (end >= 0) EndOfFrame(now);
            return take;
        }
        var b = data[0];
        switch (b)
        {
            case AstmControl.Stx:
                _inFrame = true;
                _frameBodyLength = 0;
                _frameTooLong = false;
                break;
            case AstmControl.Eot:
                EndOfSession(now);
                break;
            case AstmControl.Enq when !_acceptedAny:
                Emit(AstmControl.Ack); // the sender repeated ENQ (it missed our ACK): confirm again
                _deadline = now + _options.ReceiverTimeout;
                break;
            default:
                var stx = data.IndexOfAny(AstmControl.Stx, AstmControl.Eot, AstmControl.Enq);
                var skip = stx < 0 ? data.Length : Math.Max(stx, 1);
                Ignore(BeforeStx, skip);
                return skip;
        }
        return 1;
    }

    private void AppendFrameBytes(ReadOnlySpan<byte> bytes)
    {
        if (_frameTooLong) return;
        if (_frameBodyLength + bytes.Length + 1 > AstmFrame.MaxFrameLength)
        {
            _frameTooLong = true; // keep reading to the LF, then NAK
            return;
        }
        if (_frameBody.Length < _frameBodyLength + bytes.Length)
            Array.Resize(ref _frameBody, Math.Max(_frameBody.Length * 2, _frameBodyLength + bytes.Length));
        bytes.CopyTo(_frameBody.AsSpan(_frameBodyLength));
        _frameBodyLength += bytes.Length;
    }

    /// <summary>A whole frame (STX … LF) arrived: validate, recognise retransmissions, append, reply (E1381 §6.3 and §6.5.1).</summary>
    private void EndOfFrame(DateTimeOffset now)
    {
        _inFrame = false;
        if (_awaitingConfirm)
        {
            // The sender sent on without our ACK: the held message is no longer ours to confirm.
            _awaitingConfirm = false;
        }
        if (_frameTooLong) { Reject(now, $"frame longer than the LIS01-A2 limit of {AstmFrame.MaxFrameLength} bytes"); return; }
        var body = _frameBody.AsSpan(0, _frameBodyLength);
        if (!AstmFrame.TryDecode(body, out var frame, out var error)) { Reject(now, error!); return; }
        if (_acceptedAny && frame.FrameNumber == _lastAcceptedFn)
        {
            Ignore(RepeatedFrame, _frameBodyLength + 1);
            Emit(AstmControl.Ack);
            _deadline = now + _options.ReceiverTimeout;
            return;
        }
        var expected = _acceptedAny ? (_lastAcceptedFn + 1) % 8 : 1;
        if (frame.FrameNumber != expected) { Reject(now, $"frame number {frame.FrameNumber} where {expected} was expected"); return; }
        if (_message.WrittenCount + frame.TextLength > _options.MaxMessageLength)
        {
            Reject(now, $"message would exceed {_options.MaxMessageLength} bytes without an end frame");
            return;
        }
        _message.Write(body.Slice(frame.TextStart, frame.TextLength));
        _lastAcceptedFn = frame.FrameNumber;
        _acceptedAny = true;
        if (frame.IsEnd)
        {
            Raise(new AstmMessageReceived(now, _message.WrittenSpan.ToArray(), Naked: false));
            _message.ResetWrittenCount();
            if (_options.HoldAckUntilConfirmed)
            {
                _awaitingConfirm = true;
                _deadline = now + _options.ReceiverTimeout;
                return;
            }
        }
        ReplyAccepted(now);
    }

    private void ReplyAccepted(DateTimeOffset now)
    {
        Emit(_interruptRequested ? AstmControl.Eot : AstmControl.Ack);
        _deadline = now + _options.ReceiverTimeout;
    }

    private void Reject(DateTimeOffset now, string reason)
    {
        Emit(AstmControl.Nak);
        Raise(new AstmFrameRejected(now, reason));
        _deadline = now + _options.ReceiverTimeout;
    }

    /// <summary>EOT from the sender: termination phase (E1381 §6.4); a message without its end frame is discarded.</summary>
    private void EndOfSession(DateTimeOffset now)
    {
        if (_message.WrittenCount > 0)
            Raise(new AstmReceiveAborted(now, "the sender ended the session (EOT) before the end frame of its message", _message.WrittenCount));
        _message.ResetWrittenCount();
        _awaitingConfirm = false;
        _interruptRequested = false;
        _holdOffUntil = DateTimeOffset.MinValue; // the other side released the line: our hold-off no longer applies
        GoNeutral();
    }

    /// <summary>No frame or EOT within 30 s (E1381 §6.5.2, time-outs): discard the incomplete message, line neutral.</summary>
    private void OnReceiverTimeout(DateTimeOffset now)
    {
        var discarded = _message.WrittenCount + (_inFrame ? _frameBodyLength + 1 : 0);
        Raise(new AstmReceiveAborted(now, $"no frame or EOT within {_options.ReceiverTimeout.TotalSeconds:0} s", discarded));
        _message.ResetWrittenCount();
        _inFrame = false;
        _awaitingConfirm = false;
        _interruptRequested = false;
        GoNeutral();
    }
}
