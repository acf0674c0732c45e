using System.Globalization;

namespace Hospital.Integration.Simulators;

/// <summary>
/// Faults a simulated ASTM analyser injects on demand, to show what the host does with them (E1381 §6). Frame
/// numbers here count the frames of one sending session from 1 (the FN on the wire is that count mod 8).
/// </summary>
public sealed record AstmSimulatorFaults
{
    /// <summary>Send frame N with a wrong checksum on its first attempt(s): the host must NAK and accept the resend.</summary>
    public int BadChecksumFrame { get; init; }

    /// <summary>How many attempts of <see cref="BadChecksumFrame"/> carry the wrong checksum (6 or more: the frame fails for good and the message is aborted).</summary>
    public int BadChecksumAttempts { get; init; } = 1;

    /// <summary>Answer the host's first N frames with NAK (the host must resend them, same FN).</summary>
    public int NakHostFrames { get; init; }

    /// <summary>Never answer the host's frames (ENQ is still ACKed): the host's 15 s sender timer runs out.</summary>
    public bool NoAck { get; init; }

    /// <summary>After frame N go silent (no frame, no EOT) for <see cref="AstmSimulatorTimings.SilencePeriod"/>: the host's 30 s receiver timer runs out.</summary>
    public int SilenceAfterFrame { get; init; }

    /// <summary>Write each frame in pieces cut at seeded random (often odd) positions, with this pause between pieces.</summary>
    public TimeSpan? SplitFrames { get; init; }

    /// <summary>Answer the host's first ENQ with our own ENQ (both want the line): the instrument wins after 1 s.</summary>
    public bool Contention { get; init; }

    /// <summary>Send frame N a second time after its ACK, same FN, as after a lost ACK: a link-level retransmission.</summary>
    public int DuplicateFrame { get; init; }

    /// <summary>Send each whole message again in a new session, as an analyser does after a lost final ACK: delivered twice.</summary>
    public bool DuplicateMessage { get; init; }

    /// <summary>Send EOT after frame N instead of the rest of the message (sender gives up mid-message).</summary>
    public int EotAfterFrame { get; init; }

    public static AstmSimulatorFaults None { get; } = new();

    /// <summary>The fault names and forms the command line accepts.</summary>
    public const string Help =
        "bad-checksum:N[:K]  frame N sent K times (default 1) with a wrong checksum\n" +
        "nak:N           NAK the host's first N frames\n" +
        "no-ack          never answer the host's frames\n" +
        "silence:N       go silent after frame N (no EOT)\n" +
        "split[:MS]      write frames in pieces cut at odd places, MS ms apart (default 20)\n" +
        "contention      answer the host's ENQ with ENQ\n" +
        "duplicate-frame:N  resend frame N after its ACK (same FN)\n" +
        "duplicate-message  send every message twice, in two sessions\n" +
        "eot:N           send EOT after frame N (message left incomplete)";

    /// <summary>Adds one fault written as on the command line (<c>bad-checksum:2</c>, <c>split:15</c>, <c>contention</c>).</summary>
    /// <exception cref="ArgumentException">unknown fault, a missing or bad number, or a number where none belongs.</exception>
    public AstmSimulatorFaults With(string spec)
    {
        var colon = spec.IndexOf(':');
        var name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        var arg = colon < 0 ? null : spec[(colon + 1)..].Trim();
        return name switch
        {
            "bad-checksum" => BadChecksum(spec, arg),
            "nak" => this with { NakHostFrames = arg is null ? 1 : Number(spec, arg, required: true) },
            "no-ack" => NoArgument(spec, arg) with { NoAck = true },
            "silence" => this with { SilenceAfterFrame = Number(spec, arg, required: true) },
            "split" => this with { SplitFrames = TimeSpan.FromMilliseconds(arg is null ? 20 : Number(spec, arg, required: true, allowZero: true)) },
            "contention" => NoArgument(spec, arg) with { Contention = true },
            "duplicate-frame" => this with { DuplicateFrame = Number(spec, arg, required: true) },
            "duplicate-message" => NoArgument(spec, arg) with { DuplicateMessage = true },
            "eot" => this with { EotAfterFrame = Number(spec, arg, required: true) },
            _ => throw new ArgumentException($"Unknown fault \"{spec}\". Faults:\n{Help}"),
        };
    }

    private AstmSimulatorFaults BadChecksum(string spec, string? arg)
    {
        var parts = arg?.Split(':') ?? [];
        if (parts.Length > 2) throw new ArgumentException($"Fault \"{spec}\": write bad-checksum:FRAME or bad-checksum:FRAME:TIMES.");
        return this with
        {
            BadChecksumFrame = Number(spec, parts.Length > 0 ? parts[0] : null, required: true),
            BadChecksumAttempts = parts.Length > 1 ? Number(spec, parts[1], required: true) : 1,
        };
    }

    private AstmSimulatorFaults NoArgument(string spec, string? arg) =>
        arg is null ? this : throw new ArgumentException($"Fault \"{spec}\" takes no number.");

    private static int Number(string spec, string? arg, bool required, bool allowZero = false)
    {
        if (arg is null && required) throw new ArgumentException($"Fault \"{spec}\" needs a number, e.g. {spec}:2.");
        if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || (n == 0 && !allowZero))
            throw new ArgumentException($"Fault \"{spec}\": \"{arg}\" is not a positive whole number.");
        return n;
    }
}

/// <summary>The simulated instrument's timers (E1381 §6.5.2 values by default), shortened in tests.</summary>
public sealed record AstmSimulatorTimings
{
    /// <summary>Wait for the host's reply to our ENQ or frame (15 s).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait for the host's next frame or EOT while receiving (30 s).</summary>
    public TimeSpan ReceiveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after contention before our next ENQ (instrument: 1 s).</summary>
    public TimeSpan ContentionDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after a busy NAK to our ENQ (10 s).</summary>
    public TimeSpan BusyDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the host may take to open its session with the answer to our query.</summary>
    public TimeSpan QueryAnswerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the <c>silence</c> fault keeps quiet before it sends EOT (longer than the host's 30 s).</summary>
    public TimeSpan SilencePeriod { get; init; } = TimeSpan.FromSeconds(35);

    /// <summary>Failures of one frame (or busy answers to ENQ) before giving up (6).</summary>
    public int MaxAttempts { get; init; } = 6;

    public static AstmSimulatorTimings Standard { get; } = new();
}
