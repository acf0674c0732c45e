namespace Hospital.Integration.Hl7.Segments;

/// <summary>ORC common order (HL7 v2.5 ch. 4 §4.5.1).</summary>
public readonly struct OrcSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "ORC");
    /// <summary>NW new, CA cancel, XO change, RF refill/query (Mindray BC), DC discontinue (IHE LAW no work), OK.</summary>
    public string OrderControl => Segment.Value(1);
    public Hl7Field PlacerOrderNumber => Segment[2];
    public Hl7Field FillerOrderNumber => Segment[3];
    public Hl7Field PlacerGroupNumber => Segment[4];
    /// <summary>IP in process, CM complete, SC scheduled…</summary>
    public string OrderStatus => Segment.Value(5);
    public string DateTimeOfTransaction => Segment.Value(9);
    public Hl7Field OrderingProvider => Segment[12];
}
