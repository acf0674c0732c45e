using Hospital.Integration.Hl7;

namespace Hospital.Integration.Mllp;

/// <summary>
/// What the server sends for one received message: the <see cref="Response"/> (ACK, QCK, RSP…), then
/// each follow-up as an original message of ours that waits for the peer's ACK (DSR^Q03 after QCK^Q02,
/// spec §3.6). <see cref="None"/> sends nothing (for a message that must not be answered).
/// </summary>
public sealed record MllpReply(Hl7Message? Response, IReadOnlyList<Hl7Message> FollowUps)
{
    public static readonly MllpReply None = new(null, []);

    public static MllpReply Of(Hl7Message response, params Hl7Message[] followUps) => new(response, followUps);

    public static implicit operator MllpReply(Hl7Message response) => new(response, []);
}
