using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Building;

namespace Hospital.Integration.Mllp;

/// <summary>Limits and timers of an MLLP link (server or client side).</summary>
public sealed record MllpOptions
{
    /// <summary>
    /// Largest message accepted (bytes between 0x0B and 0x1C). Analysers send histograms as base64 ED
    /// values of a few MB (spec §4), so the default leaves room for them; a larger block is answered AR.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>A block started but not finished within this time is abandoned and the connection closed.</summary>
    public TimeSpan PartialFrameTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a sender waits for the ACK (or response) to a message it sent.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Client: attempts per message when the connection drops (each on a fresh connection).</summary>
    public int SendAttempts { get; init; } = 3;

    /// <summary>How received messages are read; lenient by default because analysers deviate (spec §3).</summary>
    public Hl7ParseOptions Parse { get; init; } = Hl7ParseOptions.Lenient;

    /// <summary>Who we are in the MSH of replies the link itself generates (AE/AR for unreadable input).</summary>
    public Hl7ReplyHeader ReplyHeader { get; init; } = Hl7ReplyHeader.Default;

    /// <summary>Told about every problem on the link (rejected, abandoned or unexpected input), so nothing vanishes unseen.</summary>
    public Action<MllpProblem>? OnProblem { get; init; }

    public static readonly MllpOptions Default = new();
}

/// <summary>A problem on an MLLP link: which connection, what, and the details.</summary>
public sealed record MllpProblem(string Connection, MllpProblemKind Kind, string Detail);

public enum MllpProblemKind
{
    /// <summary>A message could not be read as HL7; answered AE/AR.</summary>
    UnreadableMessage,
    /// <summary>A message over the size limit; answered AR.</summary>
    MessageTooLarge,
    /// <summary>A block abandoned: interrupted by a new 0x0B, cut by the peer closing, or not finished in time.</summary>
    IncompleteBlock,
    /// <summary>The handler failed; answered AE.</summary>
    HandlerFailed,
    /// <summary>An ACK nobody waits for (late, or for another message).</summary>
    UnexpectedAck,
    /// <summary>No ACK within <see cref="MllpOptions.AckTimeout"/>, or a negative one, for a message we sent.</summary>
    AckMissing,
    /// <summary>The connection failed.</summary>
    ConnectionError,
}
