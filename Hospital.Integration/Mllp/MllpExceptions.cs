namespace Hospital.Integration.Mllp;

/// <summary>No ACK (or response) with the expected MSA-2 arrived within the timeout.</summary>
public sealed class MllpAckTimeoutException(string controlId, TimeSpan timeout)
    : TimeoutException($"MLLP: no acknowledgment for message {controlId} within {timeout.TotalSeconds:0.#} s")
{
    public string ControlId { get; } = controlId;
}

/// <summary>A block began but did not end within the partial-frame timeout; the link must be reset.</summary>
public sealed class MllpFrameTimeoutException(TimeSpan timeout, long received)
    : TimeoutException($"MLLP: a block started but did not end within {timeout.TotalSeconds:0.#} s ({received} bytes received)");

/// <summary>The link closed or failed before the exchange completed.</summary>
public sealed class MllpConnectionException(string message, Exception? inner = null) : IOException(message, inner);
