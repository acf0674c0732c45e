namespace Hospital.Integration.Hl7.Segments;

/// <summary>SPM specimen (HL7 v2.5 ch. 7 §7.4.3), used by OML^O33/OUL^R22 (IHE LAW).</summary>
public readonly struct SpmSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "SPM");
    public string SetId => Segment.Value(1);
    /// <summary>SPM-2 EIP: placer assigned id^filler assigned id (the barcode).</summary>
    public Hl7Field SpecimenId => Segment[2];
    public Hl7Field ParentSpecimenId => Segment[3];
    /// <summary>SPM-4 CWE: SER, BLD, UR…</summary>
    public Hl7Field SpecimenType => Segment[4];
    /// <summary>SPM-11 (table 0369): P patient, Q control, C calibrator…</summary>
    public Hl7Field SpecimenRole => Segment[11];
    public string CollectionDateTime => Segment.Value(17);
    public string ReceivedDateTime => Segment.Value(18);
}
