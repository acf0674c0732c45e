using System.Text;

namespace Hospital.Integration.Astm;

/// <summary>Something the link layer reports to its owner; every byte it does not deliver is accounted for by one of these.</summary>
public abstract record AstmLinkEvent(DateTimeOffset At);

/// <summary>
/// A complete E1381 message (its frames' texts joined, ETB … ETX), or a naked record block up to its L record.
/// The bytes are records, each ending in CR.
/// </summary>
public sealed record AstmMessageReceived(DateTimeOffset At, byte[] Bytes, bool Naked) : AstmLinkEvent(At)
{
    /// <summary>The bytes as ISO-8859-1, the byte-to-char mapping E1381 implementations use; decode otherwise for UTF-8 analysers.</summary>
    public string Text => Encoding.Latin1.GetString(Bytes);
}

/// <summary>Every frame of a queued message was acknowledged.</summary>
public sealed record AstmMessageSent(DateTimeOffset At, byte[] Bytes) : AstmLinkEvent(At);

/// <summary>A queued message could not be delivered and was taken off the queue; the owner decides whether to queue it again.</summary>
public sealed record AstmSendAborted(DateTimeOffset At, byte[] Bytes, string Reason) : AstmLinkEvent(At);

/// <summary>An incoming message was abandoned before its end frame; its partial text was discarded (nothing was delivered).</summary>
public sealed record AstmReceiveAborted(DateTimeOffset At, string Reason, int DiscardedBytes) : AstmLinkEvent(At);

/// <summary>A received frame was answered with NAK.</summary>
public sealed record AstmFrameRejected(DateTimeOffset At, string Reason) : AstmLinkEvent(At);

/// <summary>Bytes that carried nothing for this state (noise before STX, a repeated frame after a lost ACK, a stray ACK…).</summary>
public sealed record AstmBytesIgnored(DateTimeOffset At, int Count, string Reason) : AstmLinkEvent(At);
