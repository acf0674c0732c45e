namespace Hospital.Integration.Mllp;

/// <summary>What <see cref="MllpFrameReader.ReadAsync"/> found next on the stream.</summary>
public enum MllpFrameStatus
{
    /// <summary>A complete block: <see cref="MllpFrame.Payload"/> is the message bytes.</summary>
    Message,
    /// <summary>A block over the size limit; it was skipped up to its end, <see cref="MllpFrame.Payload"/> holds its first bytes.</summary>
    TooLarge,
    /// <summary>A new 0x0B arrived before the current block ended; the unfinished block (in Payload) was abandoned.</summary>
    Interrupted,
    /// <summary>The peer closed the connection in the middle of a block (partial bytes in Payload).</summary>
    TruncatedAtEnd,
    /// <summary>The peer closed the connection between blocks.</summary>
    EndOfStream,
}

/// <summary>
/// One result of reading the MLLP stream. <see cref="Payload"/> points into the reader's buffer and is
/// valid until the next read. <see cref="SkippedBytes"/> counts bytes outside any block since the
/// previous frame (idle heartbeats such as Mindray BC's 0x02, NULs between messages), which MLLP ignores.
/// </summary>
public readonly record struct MllpFrame(MllpFrameStatus Status, ReadOnlyMemory<byte> Payload, long SkippedBytes, long TotalBytes = 0, string? Problem = null)
{
    public bool IsMessage => Status == MllpFrameStatus.Message;
}
