using System.Text;
using Hospital.Integration.Mllp;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>MLLP blocks come out whole whatever the reads look like (split anywhere, glued, heartbeats between).</summary>
public sealed class MllpFrameReaderTests
{
    private static readonly string[] Messages = [Hl7Captures.MindrayBs200, Hl7Captures.MindrayQuery, Hl7Captures.MindrayBc];

    /// <summary>Three framed messages with a Mindray-BC-style 0x02 heartbeat, NULs and a stray LF between them.</summary>
    private static byte[] Stream()
    {
        var s = new MemoryStream();
        s.Write([0x02, 0x02]);
        s.Write(MllpFraming.Frame(Encoding.UTF8.GetBytes(Messages[0])));
        s.Write([0x00, 0x00, 0x0A]);
        s.Write(MllpFraming.Frame(Encoding.UTF8.GetBytes(Messages[1])));
        s.Write(MllpFraming.Frame(Encoding.UTF8.GetBytes(Messages[2])));
        return s.ToArray();
    }

    private static async Task<List<MllpFrame>> ReadAll(IEnumerable<byte[]> chunks, int max = 1 << 20, int initialBuffer = 16)
    {
        var reader = new MllpFrameReader(new ScriptedChannel(chunks), max, initialBuffer: initialBuffer);
        var frames = new List<MllpFrame>();
        while (true)
        {
            var f = await reader.ReadAsync(CancellationToken.None);
            // Payload is only valid until the next read: copy it.
            frames.Add(f with { Payload = f.Payload.ToArray() });
            if (f.Status is MllpFrameStatus.EndOfStream or MllpFrameStatus.TruncatedAtEnd) return frames;
        }
    }

    private static void AssertThreeMessages(List<MllpFrame> frames)
    {
        Assert.Equal([MllpFrameStatus.Message, MllpFrameStatus.Message, MllpFrameStatus.Message, MllpFrameStatus.EndOfStream], frames.Select(f => f.Status));
        for (var i = 0; i < 3; i++) Assert.Equal(Messages[i], Encoding.UTF8.GetString(frames[i].Payload.Span));
        Assert.Equal([2L, 3L, 0L, 0L], frames.Select(f => f.SkippedBytes));
    }

    [Fact]
    public async Task A_stream_split_in_two_at_every_byte_position_yields_the_same_messages()
    {
        var stream = Stream();
        for (var cut = 0; cut <= stream.Length; cut++)
            AssertThreeMessages(await ReadAll([stream[..cut], stream[cut..]]));
    }

    [Fact]
    public async Task Byte_by_byte_and_all_glued_in_one_read_give_the_same_messages()
    {
        var stream = Stream();
        AssertThreeMessages(await ReadAll(stream.Select(b => new[] { b })));
        AssertThreeMessages(await ReadAll([stream], initialBuffer: 1 << 16));
    }

    [Fact]
    public async Task A_block_over_the_limit_is_skipped_to_its_end_and_the_next_one_is_read()
    {
        var big = "MSH|^~\\&|A|B|||20240101||ORU^R01|BIG1|P|2.5\rOBX|1|ED|HIST||" + new string('A', 5000) + "\r";
        var stream = MllpFraming.Frame(Encoding.ASCII.GetBytes(big)).Concat(MllpFraming.Frame(Encoding.ASCII.GetBytes(Messages[0]))).ToArray();
        for (var cut = 0; cut <= stream.Length; cut += 97)
        {
            var frames = await ReadAll([stream[..cut], stream[cut..]], max: 1000);
            Assert.Equal(MllpFrameStatus.TooLarge, frames[0].Status);
            Assert.Equal(big.Length, frames[0].TotalBytes);
            Assert.StartsWith("MSH|^~\\&|A|B|||20240101||ORU^R01|BIG1", Encoding.ASCII.GetString(frames[0].Payload.Span));
            Assert.Contains("1000-byte limit", frames[0].Problem);
            Assert.Equal(MllpFrameStatus.Message, frames[1].Status);
            Assert.Equal(Messages[0], Encoding.UTF8.GetString(frames[1].Payload.Span));
        }
    }

    [Fact]
    public async Task A_new_start_block_abandons_the_unfinished_one_and_a_cut_stream_is_reported()
    {
        var first = Encoding.ASCII.GetBytes("MSH|^~\\&|A|B|||1||ORU^R01|HALF|P|2.5\rOBX|1");
        var stream = new byte[] { 0x0B }.Concat(first).Concat(MllpFraming.Frame(Encoding.UTF8.GetBytes(Messages[1]))).Concat(new byte[] { 0x0B, 0x4D, 0x53 }).ToArray();
        var frames = await ReadAll([stream]);
        Assert.Equal([MllpFrameStatus.Interrupted, MllpFrameStatus.Message, MllpFrameStatus.TruncatedAtEnd], frames.Select(f => f.Status));
        Assert.Equal(first, frames[0].Payload.ToArray());
        Assert.Equal(Messages[1], Encoding.UTF8.GetString(frames[1].Payload.Span));
        Assert.Equal("MS", Encoding.ASCII.GetString(frames[2].Payload.Span));
    }

    [Fact]
    public async Task An_end_block_without_cr_still_ends_the_block_and_says_so()
    {
        var stream = new byte[] { 0x0B }.Concat(Encoding.ASCII.GetBytes(Messages[0])).Concat(new byte[] { 0x1C, 0x0A }).Concat(MllpFraming.Frame(Encoding.ASCII.GetBytes(Messages[1]))).ToArray();
        var frames = await ReadAll([stream]);
        Assert.Equal(MllpFrameStatus.Message, frames[0].Status);
        Assert.Contains("instead of 0x0D", frames[0].Problem);
        Assert.Equal(Messages[1], Encoding.UTF8.GetString(frames[1].Payload.Span));
        Assert.Equal(1, frames[1].SkippedBytes); // the stray LF
    }
}
