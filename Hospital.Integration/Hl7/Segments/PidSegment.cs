namespace Hospital.Integration.Hl7.Segments;

/// <summary>PID patient identification (HL7 v2.5 ch. 3 §3.4.2).</summary>
public readonly struct PidSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "PID");
    public string SetId => Segment.Value(1);
    /// <summary>PID-2 (backward compatible; Mindray BS puts the patient number here).</summary>
    public Hl7Field PatientId => Segment[2];
    /// <summary>PID-3 patient identifier list (CX, repeating: id^check^scheme^authority^type).</summary>
    public Hl7Field PatientIdentifierList => Segment[3];
    public Hl7Field AlternatePatientId => Segment[4];
    /// <summary>PID-5 XPN: family^given^middle…</summary>
    public Hl7Field PatientName => Segment[5];
    public string DateOfBirth => Segment[7].Value;
    /// <summary>PID-8 administrative sex (M, F, O, U…; Dymind OEMs send words).</summary>
    public string Sex => Segment.Value(8);
    public Hl7Field Address => Segment[11];
    public Hl7Field PhoneHome => Segment[13];
    public Hl7Field AccountNumber => Segment[18];
}
