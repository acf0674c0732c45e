using Hospital.Integration.Astm;

namespace Hospital.Integration.Simulators;

/// <summary>The sessions themselves: establishment, transfer with the faults, termination; and the receiving side.</summary>
public sealed partial class AstmAnalyserSimulator
{
    private async Task<AstmSessionReport> SendSessionAsync(IReadOnlyList<string> messages, CancellationToken ct)
    {
        var frames = Plan(messages);
        int sent = 0, resent = 0, naks = 0;
        var interrupted = false;
        AstmSessionReport Failed(string why) => new(messages.Count, sent, resent, naks, false, interrupted, why);

        // Establishment (E1381 §6.2).
        if (Faults.Contention && !_contentionDone)
        {
            _log?.Invoke("fault contention: waiting for the host's ENQ to answer it with ours");
            if (!await WaitForAsync(AstmControl.Enq, _timings.QueryAnswerTimeout, ct).ConfigureAwait(false))
                return Failed($"contention fault: the host sent no ENQ within {_timings.QueryAnswerTimeout.TotalSeconds:0} s");
            _contentionDone = true;
            await _line.WriteAsync(AstmControl.Enq, ct).ConfigureAwait(false);
            await Task.Delay(_timings.ContentionDelay, _time, ct).ConfigureAwait(false); // the instrument waits ≥ 1 s, then has priority
        }
        for (var attempt = 1; ; attempt++)
        {
            await _line.WriteAsync(AstmControl.Enq, ct).ConfigureAwait(false);
            var reply = await ReplyAsync(ct).ConfigureAwait(false);
            if (reply == AstmControl.Ack) break;
            if (reply < 0)
            {
                await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                return Failed($"no reply to ENQ within {_timings.ReplyTimeout.TotalSeconds:0} s");
            }
            if (reply == AstmControl.Enq)
            {
                _log?.Invoke("contention: the host sent ENQ too; the instrument waits and tries again");
                attempt--;
                await Task.Delay(_timings.ContentionDelay, _time, ct).ConfigureAwait(false);
                continue;
            }
            naks++;
            if (attempt >= _timings.MaxAttempts) return Failed($"the host answered {attempt} ENQs with {AstmControl.Describe((byte)reply)}");
            _log?.Invoke($"host busy ({AstmControl.Describe((byte)reply)} to ENQ); waiting {_timings.BusyDelay.TotalSeconds:0} s");
            await Task.Delay(_timings.BusyDelay, _time, ct).ConfigureAwait(false);
        }

        // Transfer (E1381 §6.3).
        for (var n = 1; n <= frames.Count; n++)
        {
            var frame = frames[n - 1];
            sent++;
            for (var attempt = 0; ; attempt++)
            {
                var bytes = frame;
                if (n == Faults.BadChecksumFrame && attempt < Faults.BadChecksumAttempts)
                {
                    bytes = (byte[])frame.Clone();
                    bytes[^4] = (byte)(bytes[^4] == (byte)'0' ? '1' : '0'); // first checksum character wrong
                    _log?.Invoke($"fault bad-checksum: frame {n} sent with checksum {(char)bytes[^4]}{(char)bytes[^3]}");
                }
                if (attempt > 0) resent++;
                await WriteFrameAsync(bytes, ct).ConfigureAwait(false);
                var reply = await ReplyAsync(ct).ConfigureAwait(false);
                if (reply == AstmControl.Ack || reply == AstmControl.Eot)
                {
                    if (reply == AstmControl.Eot && !interrupted)
                    {
                        interrupted = true; // E1381 lets the sender carry on; the host must ask again
                        _log?.Invoke($"host answered frame {n} with EOT (receiver interrupt); finishing the session first");
                    }
                    break;
                }
                if (reply < 0)
                {
                    await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                    return Failed($"no reply to frame {n} within {_timings.ReplyTimeout.TotalSeconds:0} s");
                }
                naks++;
                _log?.Invoke($"host answered frame {n} with {AstmControl.Describe((byte)reply)}; resending");
                if (attempt + 1 >= _timings.MaxAttempts)
                {
                    await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                    return Failed($"frame {n} failed {attempt + 1} times");
                }
            }
            if (n == Faults.DuplicateFrame)
            {
                _log?.Invoke($"fault duplicate-frame: frame {n} sent again, same FN, as after a lost ACK");
                resent++;
                await WriteFrameAsync(frame, ct).ConfigureAwait(false);
                if (await ReplyAsync(ct).ConfigureAwait(false) < 0)
                {
                    await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                    return Failed($"no reply to the repeated frame {n}");
                }
            }
            if (n == Faults.EotAfterFrame && n < frames.Count)
            {
                _log?.Invoke($"fault eot: EOT after frame {n} of {frames.Count}");
                await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                return Failed($"eot fault: session ended after frame {n} of {frames.Count}");
            }
            if (n == Faults.SilenceAfterFrame && n < frames.Count)
            {
                _log?.Invoke($"fault silence: quiet for {_timings.SilencePeriod.TotalSeconds:0.#} s after frame {n}");
                await Task.Delay(_timings.SilencePeriod, _time, ct).ConfigureAwait(false);
                await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false);
                return Failed($"silence fault: no frame for {_timings.SilencePeriod.TotalSeconds:0.#} s after frame {n}");
            }
        }
        await _line.WriteAsync(AstmControl.Eot, ct).ConfigureAwait(false); // termination (E1381 §6.4)
        return new AstmSessionReport(messages.Count, sent, resent, naks, true, interrupted, null);
    }

    /// <summary>Writes a frame whole, or with the split fault in pieces of 1–13 bytes (cuts at odd places) with pauses.</summary>
    private async Task WriteFrameAsync(byte[] frame, CancellationToken ct)
    {
        if (Faults.SplitFrames is not { } pause)
        {
            await _line.WriteAsync(frame, ct).ConfigureAwait(false);
            return;
        }
        for (var start = 0; start < frame.Length;)
        {
            var length = Math.Min(frame.Length - start, 1 + 2 * _splitRandom.Next(7)); // odd lengths 1..13
            await _line.WriteAsync(frame.AsMemory(start, length), ct).ConfigureAwait(false);
            start += length;
            if (start < frame.Length && pause > TimeSpan.Zero) await Task.Delay(pause, _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The host's reply to our ENQ or frame (ACK, NAK, EOT, ENQ; other bytes skipped), or -1 after the reply timeout.</summary>
    private async Task<int> ReplyAsync(CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _timings.ReplyTimeout;
        while (true)
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero) return -1;
            var b = await _line.ReadByteAsync(left, ct).ConfigureAwait(false);
            if (b is < 0 or AstmControl.Ack or AstmControl.Nak or AstmControl.Eot or AstmControl.Enq) return b;
        }
    }

    /// <summary>Skips bytes until <paramref name="wanted"/>; false when it does not come in time.</summary>
    private async Task<bool> WaitForAsync(byte wanted, TimeSpan wait, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            var b = await _line.ReadByteAsync(left, ct).ConfigureAwait(false);
            if (b < 0) return false;
            if (b == wanted) return true;
        }
    }

    /// <summary>
    /// The receiver's side of a host session (E1381 §6.3): ACK the ENQ, check each frame (checksum, FN), ACK or NAK,
    /// take a repeated frame once; return the text at EOT, or null when no session came or it broke off.
    /// </summary>
    private async Task<string?> ReceiveSessionAsync(TimeSpan waitForEnq, CancellationToken ct)
    {
        if (!await WaitForAsync(AstmControl.Enq, waitForEnq, ct).ConfigureAwait(false)) return null;
        await _line.WriteAsync(AstmControl.Ack, ct).ConfigureAwait(false);
        var text = new System.Text.StringBuilder();
        var body = new List<byte>(256);
        var lastFn = -1;
        while (true)
        {
            var b = await _line.ReadByteAsync(_timings.ReceiveTimeout, ct).ConfigureAwait(false);
            if (b < 0)
            {
                _log?.Invoke($"host sent nothing for {_timings.ReceiveTimeout.TotalSeconds:0} s; its session is dropped");
                return null;
            }
            if (b == AstmControl.Eot) return text.ToString();
            if (b == AstmControl.Enq && lastFn < 0) { await _line.WriteAsync(AstmControl.Ack, ct).ConfigureAwait(false); continue; }
            if (b != AstmControl.Stx) continue; // bytes before STX are ignored (LIS01-A2 §6.5.1.1)
            body.Clear();
            while (true)
            {
                var c = await _line.ReadByteAsync(_timings.ReceiveTimeout, ct).ConfigureAwait(false);
                if (c < 0) return null;
                body.Add((byte)c);
                if (c == AstmControl.Lf) break;
            }
            if (Faults.NoAck)
            {
                _log?.Invoke("fault no-ack: host frame left unanswered");
                continue;
            }
            if (_naksLeft > 0)
            {
                _naksLeft--;
                _log?.Invoke("fault nak: host frame answered with NAK");
                await _line.WriteAsync(AstmControl.Nak, ct).ConfigureAwait(false);
                continue;
            }
            var bytes = body.ToArray();
            if (!AstmFrame.TryDecode(bytes, out var frame, out var error))
            {
                _log?.Invoke($"host frame rejected: {error}");
                await _line.WriteAsync(AstmControl.Nak, ct).ConfigureAwait(false);
                continue;
            }
            var expected = lastFn < 0 ? 1 : (lastFn + 1) % 8;
            if (frame.FrameNumber == lastFn) { await _line.WriteAsync(AstmControl.Ack, ct).ConfigureAwait(false); continue; } // retransmission
            if (frame.FrameNumber != expected)
            {
                _log?.Invoke($"host frame number {frame.FrameNumber} where {expected} was due");
                await _line.WriteAsync(AstmControl.Nak, ct).ConfigureAwait(false);
                continue;
            }
            text.Append(System.Text.Encoding.Latin1.GetString(bytes, frame.TextStart, frame.TextLength));
            lastFn = frame.FrameNumber;
            await _line.WriteAsync(AstmControl.Ack, ct).ConfigureAwait(false);
        }
    }
}
