namespace Hospital.Integration.Astm;

/// <summary>Which end of the link this is; it decides who yields on contention (E1381 §6.2, establishment phase: contention).</summary>
public enum AstmLinkRole
{
    /// <summary>The LIS / host computer: on contention it stops, listens, and waits at least 20 s before its next ENQ.</summary>
    Computer,

    /// <summary>The analyser: it has priority on contention and re-sends ENQ after at least 1 s (simulators, tests).</summary>
    Instrument,
}

/// <summary>
/// Timers, limits and behaviour switches of <see cref="AstmLinkLayer"/>. The defaults are the numbers of
/// E1381 / LIS1-A (spec §1.4); each stays configurable because vendors deviate (cobas c111 retries 3 times).
/// </summary>
public sealed record AstmLinkOptions
{
    public AstmLinkRole Role { get; init; } = AstmLinkRole.Computer;

    /// <summary>Sender's wait for an answer to ENQ or to a frame (E1381 §6.5.2, time-outs: 15 s).</summary>
    public TimeSpan SenderTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Receiver's wait for the next frame or EOT after each reply (E1381 §6.5.2, time-outs: 30 s).</summary>
    public TimeSpan ReceiverTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after the receiver answered ENQ with NAK (busy) before the next ENQ (at least 10 s).</summary>
    public TimeSpan BusyRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Computer's hold-off after contention before it sends ENQ again (at least 20 s).</summary>
    public TimeSpan ComputerContentionDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Instrument's wait after contention before it re-sends ENQ (at least 1 s).</summary>
    public TimeSpan InstrumentContentionDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After honouring a receiver interrupt, how long the old sender keeps off the line unless the other side sends first.</summary>
    public TimeSpan InterruptHoldOff { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Failed attempts (NAKs to one frame, busy answers to ENQ) before the sender gives up (E1381: 6).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Text characters per frame when sending: 240 for E1381-95/LIS1-A receivers, up to 63,993 for LIS01-A2.</summary>
    public int MaxFrameText { get; init; } = AstmFrame.ClassicMaxText;

    /// <summary>
    /// True (default): every record is its own E1381 message, ending in an ETX frame (what Sysmex, Architect and
    /// Access send). False: one E1381 message per queued message, ETB at record ends and ETX only after the last record
    /// (cobas c111 style). Either way a record starts a new frame and records longer than <see cref="MaxFrameText"/>
    /// continue in ETB frames.
    /// </summary>
    public bool EndFramePerRecord { get; init; } = true;

    /// <summary>
    /// When true, the ACK to an end frame waits for <see cref="AstmLinkLayer.ConfirmDelivered"/>, so the consumer can store the
    /// message durably before the instrument considers it delivered (must happen within the sender's 15 s).
    /// </summary>
    public bool HoldAckUntilConfirmed { get; init; }

    /// <summary>Whether an EOT answer to our frame (receiver interrupt) makes us stop at the end of the current message.</summary>
    public bool HonourReceiverInterrupt { get; init; } = true;

    /// <summary>Accept "naked" records (<c>H|…CR … L|…CR</c> with no ENQ/STX/checksum) from non-compliant TCP firmware.</summary>
    public bool AcceptNakedRecords { get; init; }

    /// <summary>Send queued messages as naked records (for the same firmware) instead of framed sessions.</summary>
    public bool SendNaked { get; init; }

    /// <summary>Deadline for a naked message from its first byte to its L record (OpenELIS bridge: 60 s).</summary>
    public TimeSpan NakedMessageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest reassembled message a receiver holds (guards memory against a sender that never sends ETX).</summary>
    public int MaxMessageLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxFrameText < 1 || MaxFrameText > AstmFrame.MaxFrameLength - AstmFrame.Overhead)
            throw new ArgumentException($"MaxFrameText must be 1..{AstmFrame.MaxFrameLength - AstmFrame.Overhead}, not {MaxFrameText}.");
        if (MaxAttempts < 1) throw new ArgumentException($"MaxAttempts must be at least 1, not {MaxAttempts}.");
        if (MaxMessageLength < 1) throw new ArgumentException($"MaxMessageLength must be positive, not {MaxMessageLength}.");
        foreach (var (name, value) in new[] {
            (nameof(SenderTimeout), SenderTimeout), (nameof(ReceiverTimeout), ReceiverTimeout), (nameof(BusyRetryDelay), BusyRetryDelay),
            (nameof(ComputerContentionDelay), ComputerContentionDelay), (nameof(InstrumentContentionDelay), InstrumentContentionDelay),
            (nameof(InterruptHoldOff), InterruptHoldOff), (nameof(NakedMessageTimeout), NakedMessageTimeout) })
            if (value <= TimeSpan.Zero) throw new ArgumentException($"{name} must be positive, not {value}.");
    }
}
