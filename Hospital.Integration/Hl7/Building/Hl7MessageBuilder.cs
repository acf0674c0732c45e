using System.Text;

namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// Builds a message segment by segment with the chosen delimiters, and checks the result by reading it
/// back strictly, so a built message is always one this codec (and a conforming receiver) accepts.
/// MSH-1/MSH-2 are written from the delimiters; callers set MSH-3 onward.
/// </summary>
public sealed class Hl7MessageBuilder
{
    private readonly List<object> segments = []; // Hl7SegmentBuilder, or string for a segment echoed verbatim

    public Hl7MessageBuilder(Hl7Delimiters? delimiters = null)
    {
        Delimiters = delimiters ?? Hl7Delimiters.Default;
        Msh = new Hl7SegmentBuilder("MSH");
        segments.Add(Msh);
    }

    public Hl7Delimiters Delimiters { get; }

    public Hl7SegmentBuilder Msh { get; }

    /// <summary>Appends a new segment and returns it for filling.</summary>
    public Hl7SegmentBuilder Add(string id)
    {
        if (id == "MSH") throw new ArgumentException("a message has one MSH, set it through Msh", nameof(id));
        var s = new Hl7SegmentBuilder(id);
        segments.Add(s);
        return s;
    }

    /// <summary>Appends a received segment unchanged (QRD/QRF echoed in DSR^Q03, QPD in RSP^K11).</summary>
    public Hl7MessageBuilder AddVerbatim(Hl7Segment received)
    {
        if (received.Message.Delimiters != Delimiters)
            throw new ArgumentException("a segment can be echoed verbatim only into a message with the same delimiters", nameof(received));
        segments.Add(received.RawText);
        return this;
    }

    public string BuildText()
    {
        var sb = new StringBuilder(256);
        foreach (var s in segments)
        {
            if (s is Hl7SegmentBuilder b) b.WriteTo(sb, Delimiters);
            else sb.Append((string)s);
            sb.Append('\r');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The message, read back strictly (a builder bug surfaces here, not at the receiver); leniently when
    /// it echoes received segments, which may carry the sender's own deviations.
    /// </summary>
    public Hl7Message Build() => Hl7Message.Parse(BuildText(), segments.Any(s => s is string or Hl7SegmentBuilder { HasRaw: true }) ? Hl7ParseOptions.Lenient : Hl7ParseOptions.Strict);
}
