using System.Buffers;

namespace Hospital.Integration.Astm;

/// <summary>The sender's side: establishment (ENQ), transfer of frames with retries, termination (EOT).</summary>
public sealed partial class AstmLinkLayer
{
    private readonly List<(int Start, int Length, bool IsEnd)> _plan = [];
    private byte[] _frame = new byte[AstmFrame.ClassicMaxText + AstmFrame.Overhead];
    private int _frameLength;
    private int _planIndex;
    private int _frameNumber;
    private int _attempts;
    private int _enqAttempts;
    private bool _stopAtMessageEnd;

    private void TryStartSending(DateTimeOffset now)
    {
        if (State != AstmLinkState.Neutral || _outgoing.Count == 0) return;
        if (_options.SendNaked)
        {
            // Non-compliant firmware takes the records as they are (spec §1.5): nothing to wait for.
            while (_outgoing.TryDequeue(out var naked))
            {
                _output.Write(naked);
                Raise(new AstmMessageSent(now, naked));
            }
            return;
        }
        if (now < _holdOffUntil) return;
        _enqAttempts = 0;
        SendEnq(now);
    }

    private void SendEnq(DateTimeOffset now)
    {
        _enqAttempts++;
        Emit(AstmControl.Enq);
        State = AstmLinkState.Establishing;
        _deadline = now + _options.SenderTimeout;
    }

    /// <summary>Reply to our ENQ (E1381 §6.2).</summary>
    private void OnEstablishReply(byte b, DateTimeOffset now)
    {
        switch (b)
        {
            case AstmControl.Ack:
                _frameNumber = 1; // the first frame of every transfer phase is 1 (E1381 §6.3)
                _stopAtMessageEnd = false;
                StartMessage(now);
                break;
            case AstmControl.Nak:
                if (_enqAttempts >= _options.MaxAttempts)
                {
                    GoNeutral();
                    AbortAllQueued(now, $"the receiver answered NAK (busy) to {_enqAttempts} ENQs");
                    return;
                }
                State = AstmLinkState.BusyWait;
                _deadline = now + _options.BusyRetryDelay;
                break;
            case AstmControl.Enq:
                OnContention(now);
                break;
            default:
                Ignore("neither ACK, NAK nor ENQ in reply to our ENQ");
                break;
        }
    }

    /// <summary>
    /// Both sides sent ENQ (E1381 §6.2, contention): the instrument has priority. The computer stops, listens for the
    /// instrument's next ENQ, and holds its own for 20 s (released early once the instrument's session ends);
    /// the instrument waits 1 s and sends ENQ again.
    /// </summary>
    private void OnContention(DateTimeOffset now)
    {
        if (_options.Role == AstmLinkRole.Computer)
        {
            GoNeutral();
            _holdOffUntil = now + _options.ComputerContentionDelay;
        }
        else
        {
            State = AstmLinkState.ContentionWait;
            _deadline = now + _options.InstrumentContentionDelay;
            _enqAttempts--; // contention is not a failed attempt
        }
    }

    private void OnEstablishTimeout(DateTimeOffset now)
    {
        Emit(AstmControl.Eot);
        GoNeutral();
        AbortAllQueued(now, $"no reply to ENQ within {_options.SenderTimeout.TotalSeconds:0} s");
    }

    /// <summary>Cuts the head message into frames: each record starts a frame; long records continue in ETB frames.</summary>
    private void StartMessage(DateTimeOffset now)
    {
        var message = _outgoing.Peek();
        _plan.Clear();
        var recordStart = 0;
        while (recordStart < message.Length)
        {
            var cr = message.AsSpan(recordStart).IndexOf(AstmControl.Cr);
            var recordEnd = cr < 0 ? message.Length : recordStart + cr + 1;
            for (var start = recordStart; start < recordEnd; start += _options.MaxFrameText)
            {
                var length = Math.Min(_options.MaxFrameText, recordEnd - start);
                var lastOfRecord = start + length == recordEnd;
                var isEnd = lastOfRecord && (_options.EndFramePerRecord || recordEnd == message.Length);
                _plan.Add((start, length, isEnd));
            }
            recordStart = recordEnd;
        }
        _planIndex = 0;
        SendPlannedFrame(now, fresh: true);
    }

    private void SendPlannedFrame(DateTimeOffset now, bool fresh)
    {
        if (fresh)
        {
            var (start, length, isEnd) = _plan[_planIndex];
            if (_frame.Length < length + AstmFrame.Overhead) _frame = new byte[length + AstmFrame.Overhead];
            _frameLength = AstmFrame.Write(_frame, _frameNumber, _outgoing.Peek().AsSpan(start, length), isEnd);
            _attempts = 0;
        }
        _output.Write(_frame.AsSpan(0, _frameLength));
        State = AstmLinkState.Sending;
        _deadline = now + _options.SenderTimeout;
    }

    /// <summary>Reply to a frame (E1381 §6.3): ACK accepts, EOT accepts and asks us to stop, anything else fails it.</summary>
    private void OnFrameReply(byte b, DateTimeOffset now)
    {
        if (b == AstmControl.Ack || b == AstmControl.Eot)
        {
            if (b == AstmControl.Eot && _options.HonourReceiverInterrupt) _stopAtMessageEnd = true;
            NextFrame(now);
            return;
        }
        _attempts++;
        if (_attempts >= _options.MaxAttempts)
        {
            AbortCurrent(now, $"frame {_frameNumber} of the message failed {_attempts} times (last reply {AstmControl.Describe(b)})");
            return;
        }
        SendPlannedFrame(now, fresh: false); // same frame, same FN
    }

    private void OnFrameReplyTimeout(DateTimeOffset now) =>
        AbortCurrent(now, $"no reply to frame {_frameNumber} within {_options.SenderTimeout.TotalSeconds:0} s");

    private void NextFrame(DateTimeOffset now)
    {
        _frameNumber = (_frameNumber + 1) % 8;
        _planIndex++;
        if (_planIndex < _plan.Count)
        {
            SendPlannedFrame(now, fresh: true);
            return;
        }
        Raise(new AstmMessageSent(now, _outgoing.Dequeue()));
        if (_outgoing.Count > 0 && !_stopAtMessageEnd)
        {
            StartMessage(now); // FN keeps counting within the session
            return;
        }
        Emit(AstmControl.Eot); // termination phase (E1381 §6.4)
        GoNeutral();
        if (_stopAtMessageEnd) _holdOffUntil = now + _options.InterruptHoldOff;
    }

    /// <summary>Gives up the message in transfer: EOT, neutral, event; later messages stay queued.</summary>
    private void AbortCurrent(DateTimeOffset now, string reason)
    {
        Emit(AstmControl.Eot);
        GoNeutral();
        Raise(new AstmSendAborted(now, _outgoing.Dequeue(), reason));
    }

    private void AbortAllQueued(DateTimeOffset now, string reason)
    {
        while (_outgoing.TryDequeue(out var message)) Raise(new AstmSendAborted(now, message, reason));
    }
}
