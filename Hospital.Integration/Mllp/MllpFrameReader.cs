using Hospital.Integration.Transport;

namespace Hospital.Integration.Mllp;

/// <summary>
/// Cuts an MLLP byte stream into blocks (HL7 v2.5 Appendix C). A read from the channel may hold part of
/// a block, several blocks, or the 0x1C/0x0D pair split across reads; bytes outside blocks are skipped
/// and counted (heartbeats, NULs); a block over the size limit is skipped to its end and reported with
/// its first bytes so the caller can still answer AR naming MSH-10; a 0x0B inside a block abandons the
/// unfinished one (the sender restarted). Field lessons: spec §3.1.
/// </summary>
public sealed class MllpFrameReader
{
    private const int HeadKept = 4096;
    private readonly IByteChannel channel;
    private readonly int maxMessageBytes;
    private readonly TimeSpan partialFrameTimeout;
    private byte[] buffer;
    private int start, end;     // unread bytes are buffer[start..end)
    private bool inBlock;       // a 0x0B has been consumed and its block's first byte is at 'start'
    private int scanned;        // bytes of the current block (from start) already searched for 0x1C
    private long skipped;

    public MllpFrameReader(IByteChannel channel, int maxMessageBytes = 16 * 1024 * 1024, TimeSpan? partialFrameTimeout = null, int initialBuffer = 16 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 16);
        this.channel = channel;
        this.maxMessageBytes = maxMessageBytes;
        this.partialFrameTimeout = partialFrameTimeout ?? Timeout.InfiniteTimeSpan;
        buffer = new byte[Math.Min(initialBuffer, maxMessageBytes + 2)];
    }

    /// <summary>True while a block has begun and not ended (for idle checks).</summary>
    public bool InBlock => inBlock;

    public async ValueTask<MllpFrame> ReadAsync(CancellationToken ct)
    {
        var blockStartedAt = 0L;
        while (true)
        {
            if (!inBlock)
            {
                var sb = buffer.AsSpan(start, end - start).IndexOf(MllpFraming.StartBlock);
                if (sb >= 0)
                {
                    skipped += sb;
                    start += sb + 1;
                    inBlock = true;
                    scanned = 0;
                }
                else
                {
                    skipped += end - start;
                    start = end = 0;
                }
            }
            if (inBlock)
            {
                var data = buffer.AsSpan(start, end - start);
                var hit = data[scanned..].IndexOfAny(MllpFraming.EndBlock, MllpFraming.StartBlock);
                if (hit >= 0)
                {
                    var at = scanned + hit;
                    if (data[at] == MllpFraming.StartBlock)
                        return Take(MllpFrameStatus.Interrupted, at, at + 1, "a new block (0x0B) began before the current one ended (0x1C 0x0D); the unfinished message was abandoned", keepInBlock: true);
                    if (at + 1 < data.Length)
                    {
                        return data[at + 1] == MllpFraming.CarriageReturn
                            ? Take(MllpFrameStatus.Message, at, at + 2, null)
                            : Take(MllpFrameStatus.Message, at, at + 1, $"0x1C followed by 0x{data[at + 1]:X2} instead of 0x0D; block ended at 0x1C");
                    }
                    scanned = at; // 0x1C is the last byte read: wait for the next one
                }
                else
                {
                    scanned = data.Length;
                }
                if (scanned > maxMessageBytes) return await SkipOversizedAsync(ct).ConfigureAwait(false);
            }
            if (inBlock && blockStartedAt == 0) blockStartedAt = Environment.TickCount64;
            var read = await FillAsync(blockStartedAt, ct).ConfigureAwait(false);
            if (read == 0)
            {
                if (inBlock)
                {
                    inBlock = false;
                    var partial = buffer.AsMemory(start, end - start);
                    start = end = 0;
                    return Result(MllpFrameStatus.TruncatedAtEnd, partial, partial.Length, "the peer closed the connection in the middle of a block");
                }
                return Result(MllpFrameStatus.EndOfStream, default, 0, null);
            }
        }
    }

    private MllpFrame Take(MllpFrameStatus status, int payloadLength, int consumed, string? problem, bool keepInBlock = false)
    {
        var payload = buffer.AsMemory(start, payloadLength);
        start += consumed;
        inBlock = keepInBlock;
        scanned = 0;
        return Result(status, payload, payloadLength, problem);
    }

    private MllpFrame Result(MllpFrameStatus status, ReadOnlyMemory<byte> payload, long total, string? problem)
    {
        var frame = new MllpFrame(status, payload, skipped, total, problem);
        skipped = 0;
        return frame;
    }

    /// <summary>Keeps the block's first bytes, then discards until its 0x1C 0x0D (or the next 0x0B).</summary>
    private async ValueTask<MllpFrame> SkipOversizedAsync(CancellationToken ct)
    {
        var head = buffer.AsSpan(start, Math.Min(HeadKept, end - start)).ToArray();
        long total = end - start;
        var pendingEb = buffer[end - 1] == MllpFraming.EndBlock;
        if (pendingEb) total--;
        start = end = 0;
        var reason = $"message larger than the {maxMessageBytes}-byte limit; skipped to its end";
        while (true)
        {
            var read = await FillAsync(0, ct).ConfigureAwait(false);
            if (read == 0)
            {
                inBlock = false;
                return Result(MllpFrameStatus.TooLarge, head, total, reason + " (connection closed before the end)");
            }
            var data = buffer.AsSpan(0, end);
            if (pendingEb)
            {
                if (data[0] == MllpFraming.CarriageReturn) return Finish(1);
                total++;
                pendingEb = false;
            }
            var hit = data.IndexOfAny(MllpFraming.EndBlock, MllpFraming.StartBlock);
            while (hit >= 0)
            {
                if (data[hit] == MllpFraming.StartBlock) { total += hit; start = hit + 1; inBlock = true; scanned = 0; return Result(MllpFrameStatus.TooLarge, head, total, reason); }
                if (hit + 1 == data.Length) { total += hit; pendingEb = true; break; }
                if (data[hit + 1] == MllpFraming.CarriageReturn) { total += hit; return Finish(hit + 2); }
                var next = data[(hit + 1)..].IndexOfAny(MllpFraming.EndBlock, MllpFraming.StartBlock);
                hit = next < 0 ? -1 : hit + 1 + next;
            }
            if (!pendingEb) total += end;
            start = end = 0;
        }

        MllpFrame Finish(int consumed)
        {
            start = consumed;
            inBlock = false;
            scanned = 0;
            return Result(MllpFrameStatus.TooLarge, head, total, reason);
        }
    }

    /// <summary>Reads more bytes after the unread ones, compacting or growing the buffer as needed.</summary>
    private async ValueTask<int> FillAsync(long blockStartedAt, CancellationToken ct)
    {
        if (start > 0 && (end == buffer.Length || start == end))
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            var size = (int)Math.Min((long)buffer.Length * 2, maxMessageBytes + 2L);
            if (size <= buffer.Length) size = buffer.Length + 4096;
            Array.Resize(ref buffer, size);
        }
        int read;
        if (blockStartedAt == 0 || partialFrameTimeout == Timeout.InfiniteTimeSpan)
        {
            read = await channel.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
        }
        else
        {
            var left = partialFrameTimeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - blockStartedAt);
            if (left <= TimeSpan.Zero) throw new MllpFrameTimeoutException(partialFrameTimeout, end - start);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(left);
            try
            {
                read = await channel.ReadAsync(buffer.AsMemory(end), timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new MllpFrameTimeoutException(partialFrameTimeout, end - start);
            }
        }
        end += read;
        return read;
    }
}
