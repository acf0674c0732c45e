namespace Hospital.Integration.Hl7.Segments;

/// <summary>NTE notes and comments (HL7 v2.5 ch. 2 §2.15.10).</summary>
public readonly struct NteSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "NTE");
    public string SetId => Segment.Value(1);
    /// <summary>L ancillary (lab), P placer, O other.</summary>
    public string SourceOfComment => Segment.Value(2);
    /// <summary>NTE-3 FT, repeating: one repetition per line.</summary>
    public Hl7Field Comment => Segment[3];
    public Hl7Field CommentType => Segment[4];
}
