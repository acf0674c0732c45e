namespace Hospital.Integration.Hl7.Segments;

/// <summary>MSH message header (HL7 v2.5 ch. 2 §2.15.9); lab notes in spec §3.2.</summary>
public readonly struct MshSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "MSH");
    public string FieldSeparator => Segment.Value(1);
    public string EncodingCharacters => Segment.Value(2);
    public Hl7Field SendingApplication => Segment[3];
    public Hl7Field SendingFacility => Segment[4];
    public Hl7Field ReceivingApplication => Segment[5];
    public Hl7Field ReceivingFacility => Segment[6];
    public string DateTimeOfMessage => Segment.Value(7);
    public Hl7MessageType MessageType => Hl7MessageType.From(Segment[9]);
    public string ControlId => Segment.Value(10);
    /// <summary>P production, D debugging, T training (Mindray BC-5380 marks QC here).</summary>
    public string ProcessingId => Segment.Value(11);
    public string VersionId => Segment.Value(12);
    public string AcceptAckType => Segment.Value(15);
    /// <summary>AL/NE/ER/SU; Mindray BS puts 0 patient, 1 calibration, 2 QC here.</summary>
    public string ApplicationAckType => Segment.Value(16);
    public string CountryCode => Segment.Value(17);
    public string CharacterSet => Segment.Value(18);
    /// <summary>IHE LAW: LAB-27^IHE, LAB-29^IHE.</summary>
    public Hl7Field MessageProfile => Segment[21];
}
