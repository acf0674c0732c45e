namespace Hospital.Integration.Hl7.Segments;

/// <summary>OBX observation/result (HL7 v2.5 ch. 7 §7.4.2); lab notes in spec §3.4.</summary>
public readonly struct ObxSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "OBX");
    public string SetId => Segment.Value(1);
    /// <summary>NM, ST, CE/CWE, TX, IS (Mindray), SN (e.g. &gt;^500), ED (histograms).</summary>
    public string ValueType => Segment.Value(2);
    /// <summary>OBX-3 CE: code^text^coding system (6690-2^WBC^LN); Mindray BS sends a bare number.</summary>
    public Hl7Field ObservationIdentifier => Segment[3];
    /// <summary>Mindray BS puts the test name here.</summary>
    public string ObservationSubId => Segment.Value(4);
    /// <summary>OBX-5, possibly repeating and structured per OBX-2; values like "*****" mean no result.</summary>
    public Hl7Field ObservationValue => Segment[5];
    public Hl7Field Units => Segment[6];
    public string ReferenceRange => Segment.Value(7);
    /// <summary>OBX-8 (table 0078, repeating; Mindray BC sends L~N: against range, then normal/abnormal).</summary>
    public Hl7Field AbnormalFlags => Segment[8];
    public string Probability => Segment.Value(9);
    public string NatureOfAbnormalTest => Segment.Value(10);
    /// <summary>OBX-11 (table 0085): F final, P preliminary, C correction, R not verified, X cannot be obtained…</summary>
    public string ResultStatus => Segment.Value(11);
    public string ObservationDateTime => Segment.Value(14);
    public Hl7Field ProducerId => Segment[15];
    public Hl7Field ResponsibleObserver => Segment[16];
    public Hl7Field ObservationMethod => Segment[17];
    /// <summary>OBX-18 EI (v2.5): analyser instance, repeating.</summary>
    public Hl7Field EquipmentInstanceIdentifier => Segment[18];
    public string AnalysisDateTime => Segment.Value(19);
}
