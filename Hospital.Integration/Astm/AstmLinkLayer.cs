using System.Buffers;
using System.Text;

namespace Hospital.Integration.Astm;

/// <summary>Where the ASTM link stands (E1381 §6.2: neutral, establishment, transfer, termination).</summary>
public enum AstmLinkState
{
    /// <summary>Line idle; either side may send ENQ.</summary>
    Neutral,
    /// <summary>We sent ENQ and wait for ACK, NAK or contention.</summary>
    Establishing,
    /// <summary>The receiver answered our ENQ with NAK (busy); we wait before the next ENQ.</summary>
    BusyWait,
    /// <summary>Instrument only: contention seen, waiting before the next ENQ.</summary>
    ContentionWait,
    /// <summary>A frame of ours is out and we wait for its ACK / NAK / EOT.</summary>
    Sending,
    /// <summary>We acknowledged the other side's ENQ and take its frames.</summary>
    Receiving,
    /// <summary>Collecting naked records (no ENQ/STX/checksum) up to the L record.</summary>
    ReceivingNaked,
}

/// <summary>
/// The ASTM E1381 / CLSI LIS1-A link layer as a transport-free state machine: feed it received bytes
/// (<see cref="OnBytes"/>) and call <see cref="Tick"/> when <see cref="NextDeadline"/> passes; it produces bytes to
/// send (<see cref="PendingOutput"/>) and events (<see cref="TryTakeEvent"/>). Time comes from the injected
/// <see cref="TimeProvider"/>, so tests drive every timer. Not thread-safe: one owner calls it at a time
/// (<see cref="AstmLinkSession"/> does so over an <c>IByteChannel</c>).
/// </summary>
public sealed partial class AstmLinkLayer
{
    private readonly AstmLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Queue<AstmLinkEvent> _events = new();
    private readonly Queue<byte[]> _outgoing = new();

    private DateTimeOffset? _deadline;
    private DateTimeOffset _holdOffUntil = DateTimeOffset.MinValue;
    private int _ignoredCount;
    private string? _ignoredReason;

    public AstmLinkLayer(AstmLinkOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new AstmLinkOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
    }

    public AstmLinkOptions Options => _options;

    public AstmLinkState State { get; private set; } = AstmLinkState.Neutral;

    /// <summary>While true, an ENQ from the other side is answered with NAK (receiver busy, E1381 §6.2).</summary>
    public bool Busy { get; set; }

    /// <summary>Messages waiting to be sent, the one in transfer included.</summary>
    public int QueuedMessages => _outgoing.Count;

    /// <summary>Bytes to write to the transport, in order; call <see cref="ConsumeOutput"/> once they are written.</summary>
    public ReadOnlyMemory<byte> PendingOutput => _output.WrittenMemory;

    public void ConsumeOutput() => _output.ResetWrittenCount();

    /// <summary>The pending output as a new array, and consumed.</summary>
    public byte[] TakeOutput()
    {
        var bytes = _output.WrittenSpan.ToArray();
        _output.ResetWrittenCount();
        return bytes;
    }

    public bool TryTakeEvent(out AstmLinkEvent linkEvent) => _events.TryDequeue(out linkEvent!);

    /// <summary>When <see cref="Tick"/> must next run (a protocol timer or the end of a hold-off with a message waiting).</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            if (State == AstmLinkState.Neutral && _outgoing.Count > 0) return _holdOffUntil;
            return _deadline;
        }
    }

    /// <summary>
    /// Queues a message (records, each ending in CR; a missing final CR is added) for sending. Framed sends start with
    /// ENQ as soon as the line is neutral and no hold-off applies.
    /// </summary>
    /// <exception cref="ArgumentException">empty, or a restricted character that no frame may carry.</exception>
    public void Enqueue(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty) throw new ArgumentException("An ASTM message needs at least one record.", nameof(message));
        var bad = AstmControl.IndexOfRestricted(message);
        if (bad >= 0)
            throw new ArgumentException($"The message holds the restricted character {AstmControl.Describe(message[bad])} at {bad} (LIS01-A2 §6.6.2).", nameof(message));
        var copy = new byte[message[^1] == AstmControl.Cr ? message.Length : message.Length + 1];
        message.CopyTo(copy);
        copy[^1] = AstmControl.Cr;
        _outgoing.Enqueue(copy);
        TryStartSending(_time.GetUtcNow());
    }

    /// <summary>Queues record text, mapped to bytes as ISO-8859-1.</summary>
    /// <exception cref="ArgumentException">a character outside ISO-8859-1 (encode such text yourself, e.g. UTF-8).</exception>
    public void Enqueue(string message)
    {
        foreach (var c in message)
            if (c > 0xFF) throw new ArgumentException($"'{c}' (U+{(int)c:X4}) is outside ISO-8859-1; pass the bytes in the analyser's encoding instead.", nameof(message));
        Enqueue(Encoding.Latin1.GetBytes(message));
    }

    /// <summary>Feeds bytes read from the transport; any split or grouping of frames across calls is fine.</summary>
    public void OnBytes(ReadOnlySpan<byte> data)
    {
        var now = _time.GetUtcNow();
        var i = 0;
        while (i < data.Length)
        {
            switch (State)
            {
                case AstmLinkState.Receiving:
                    i += OnReceivingBytes(data[i..], now);
                    break;
                case AstmLinkState.ReceivingNaked:
                    i += OnNakedBytes(data[i..], now);
                    break;
                default:
                    OnControlByte(data[i], now);
                    i++;
                    break;
            }
        }
        FlushIgnored(now);
        TryStartSending(now);
    }

    /// <summary>Runs expired timers. Cheap to call often; nothing happens before <see cref="NextDeadline"/>.</summary>
    public void Tick()
    {
        var now = _time.GetUtcNow();
        if (_deadline is { } due && now >= due)
        {
            _deadline = null;
            switch (State)
            {
                case AstmLinkState.Establishing: OnEstablishTimeout(now); break;
                case AstmLinkState.BusyWait:
                case AstmLinkState.ContentionWait: SendEnq(now); break;
                case AstmLinkState.Sending: OnFrameReplyTimeout(now); break;
                case AstmLinkState.Receiving: OnReceiverTimeout(now); break;
                case AstmLinkState.ReceivingNaked: OnNakedTimeout(now); break;
            }
        }
        FlushIgnored(now);
        TryStartSending(now);
    }

    /// <summary>A byte while neither receiving frames nor naked records: ENQ/ACK/NAK/EOT traffic of the establishment and transfer phases.</summary>
    private void OnControlByte(byte b, DateTimeOffset now)
    {
        switch (State)
        {
            case AstmLinkState.Neutral:
                if (b == AstmControl.Enq) AnswerEnq(now);
                else if (b == (byte)'H' && _options.AcceptNakedRecords) StartNaked(b, now);
                else Ignore("not ENQ while the line is neutral (E1381 §6.2)");
                break;
            case AstmLinkState.Establishing:
                OnEstablishReply(b, now);
                break;
            case AstmLinkState.BusyWait:
                // Still neutral from the other side's point of view: it may establish (E1381 §6.2).
                if (b == AstmControl.Enq) { _deadline = null; AnswerEnq(now); }
                else Ignore("not ENQ while waiting to retry after a busy NAK");
                break;
            case AstmLinkState.ContentionWait:
                Ignore("waiting out contention before the next ENQ (E1381 §6.2, contention)");
                break;
            case AstmLinkState.Sending:
                OnFrameReply(b, now);
                break;
        }
    }

    private void AnswerEnq(DateTimeOffset now)
    {
        if (Busy)
        {
            Emit(AstmControl.Nak);
            return;
        }
        Emit(AstmControl.Ack);
        StartReceiving(now);
    }

    private void Emit(byte b)
    {
        _output.GetSpan(1)[0] = b;
        _output.Advance(1);
    }

    private void Raise(AstmLinkEvent linkEvent)
    {
        FlushIgnored(linkEvent.At);
        _events.Enqueue(linkEvent);
    }

    /// <summary>Counts an ignored byte; runs of the same reason become one <see cref="AstmBytesIgnored"/> event.</summary>
    private void Ignore(string reason, int count = 1)
    {
        if (!ReferenceEquals(reason, _ignoredReason) && _ignoredCount > 0) FlushIgnored(_time.GetUtcNow());
        _ignoredReason = reason;
        _ignoredCount += count;
    }

    private void FlushIgnored(DateTimeOffset now)
    {
        if (_ignoredCount == 0) return;
        _events.Enqueue(new AstmBytesIgnored(now, _ignoredCount, _ignoredReason!));
        _ignoredCount = 0;
        _ignoredReason = null;
    }

    private void GoNeutral()
    {
        State = AstmLinkState.Neutral;
        _deadline = null;
    }
}
