namespace Hospital.Integration.Hl7.Segments;

/// <summary>MSA message acknowledgment (HL7 v2.5 ch. 2 §2.15.8).</summary>
public readonly struct MsaSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "MSA");
    /// <summary>AA accept, AE error, AR reject (original mode); CA, CE, CR (enhanced commit).</summary>
    public string AcknowledgmentCode => Segment.Value(1);
    /// <summary>MSA-2: the MSH-10 of the message acknowledged.</summary>
    public string ControlId => Segment.Value(2);
    public string TextMessage => Segment.Value(3);
    public string ExpectedSequenceNumber => Segment.Value(4);
    /// <summary>MSA-6 (v2.3.1; Mindray writes 0).</summary>
    public Hl7Field ErrorCondition => Segment[6];
}

/// <summary>ERR error (HL7 v2.5 ch. 2 §2.15.5; ERR-1 is the v2.3.1/2.4 layout).</summary>
public readonly struct ErrSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "ERR");
    /// <summary>ERR-1 (≤2.4): segment^sequence^field^code&amp;text&amp;HL70357, repeating.</summary>
    public Hl7Field ErrorCodeAndLocation => Segment[1];
    /// <summary>ERR-2 ERL (2.5): segment^sequence^field^repetition^component^subcomponent.</summary>
    public Hl7Field ErrorLocation => Segment[2];
    /// <summary>ERR-3 CWE (2.5): table 0357 code^text^HL70357.</summary>
    public Hl7Field Hl7ErrorCode => Segment[3];
    /// <summary>E error, W warning, I information.</summary>
    public string Severity => Segment.Value(4);
    public Hl7Field ApplicationErrorCode => Segment[5];
    public string DiagnosticInformation => Segment.Value(7);
    public string UserMessage => Segment.Value(8);
}
