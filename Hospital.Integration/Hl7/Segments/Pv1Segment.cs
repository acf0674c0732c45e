namespace Hospital.Integration.Hl7.Segments;

/// <summary>PV1 patient visit (HL7 v2.5 ch. 3 §3.4.3).</summary>
public readonly struct Pv1Segment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "PV1");
    public string SetId => Segment.Value(1);
    /// <summary>I inpatient, O outpatient, E emergency…</summary>
    public string PatientClass => Segment.Value(2);
    /// <summary>PV1-3 PL: point of care^room^bed^facility…</summary>
    public Hl7Field AssignedPatientLocation => Segment[3];
    public Hl7Field AttendingDoctor => Segment[7];
    public Hl7Field ReferringDoctor => Segment[8];
    public string HospitalService => Segment.Value(10);
    public Hl7Field VisitNumber => Segment[19];
}
