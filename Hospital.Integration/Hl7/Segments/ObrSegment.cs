namespace Hospital.Integration.Hl7.Segments;

/// <summary>
/// OBR observation request (HL7 v2.5 ch. 4 §4.5.3). Barcode position is vendor-specific (spec §3.4):
/// Mindray BS sends it in OBR-2, Mindray BC's sample id in OBR-3; BS QC puts control data in OBR-13…21.
/// </summary>
public readonly struct ObrSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "OBR");
    public string SetId => Segment.Value(1);
    public Hl7Field PlacerOrderNumber => Segment[2];
    public Hl7Field FillerOrderNumber => Segment[3];
    /// <summary>OBR-4 CE: code^text^coding system.</summary>
    public Hl7Field UniversalServiceId => Segment[4];
    public string Priority => Segment.Value(5);
    public string RequestedDateTime => Segment.Value(6);
    public string ObservationDateTime => Segment.Value(7);
    public string ObservationEndDateTime => Segment.Value(8);
    public Hl7Field CollectorIdentifier => Segment[10];
    /// <summary>A add, G generated, L lab to obtain, O specimen obtained, P pending…</summary>
    public string SpecimenActionCode => Segment.Value(11);
    public Hl7Field RelevantClinicalInfo => Segment[13];
    public string SpecimenReceivedDateTime => Segment.Value(14);
    /// <summary>OBR-15 SPS: specimen source (serum, urine…).</summary>
    public Hl7Field SpecimenSource => Segment[15];
    public Hl7Field OrderingProvider => Segment[16];
    public string ResultsReportedDateTime => Segment.Value(22);
    public string DiagnosticServiceSectionId => Segment.Value(24);
    /// <summary>OBR-25 (table 0123): F final, P preliminary, C correction…</summary>
    public string ResultStatus => Segment.Value(25);
}
