namespace Hospital.Integration.Hl7.Segments;

/// <summary>QRD original-style query definition (HL7 v2.3.1 ch. 2 §2.24.22); Mindray BS layout in spec §3.6.</summary>
public readonly struct QrdSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "QRD");
    public string QueryDateTime => Segment.Value(1);
    /// <summary>R record-oriented.</summary>
    public string QueryFormatCode => Segment.Value(2);
    /// <summary>D deferred, I immediate.</summary>
    public string QueryPriority => Segment.Value(3);
    public string QueryId => Segment.Value(4);
    public string QuantityLimitedRequest => Segment.Value(7);
    /// <summary>QRD-8: the specimen barcode queried (empty = batch query by QRF-2..3 time range).</summary>
    public Hl7Field WhoSubjectFilter => Segment[8];
    /// <summary>QRD-9: OTH, or CAN to cancel a query.</summary>
    public string WhatSubjectFilter => Segment.Value(9);
    public string WhatDepartmentDataCode => Segment.Value(10);
    public string QueryResultsLevel => Segment.Value(12);
}

/// <summary>QRF original-style query filter (HL7 v2.3.1 ch. 2 §2.24.23).</summary>
public readonly struct QrfSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "QRF");
    /// <summary>QRF-1: the analyser model on Mindray BS.</summary>
    public string WhereSubjectFilter => Segment.Value(1);
    public string WhenDataStartDateTime => Segment.Value(2);
    public string WhenDataEndDateTime => Segment.Value(3);
    public string WhatUserQualifier => Segment.Value(4);
    public string OtherQrySubjectFilter => Segment.Value(5);
    public string WhichDateTimeQualifier => Segment.Value(6);
    public string WhichDateTimeStatusQualifier => Segment.Value(7);
    public string DateTimeSelectionQualifier => Segment.Value(8);
}

/// <summary>QPD query parameter definition (HL7 v2.5 ch. 5 §5.5.4); IHE LAW WOS query puts the specimen id in QPD-3.</summary>
public readonly struct QpdSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "QPD");
    /// <summary>WOS^Work Order Step^IHE_LABTF, or WOS_ALL.</summary>
    public Hl7Field MessageQueryName => Segment[1];
    public string QueryTag => Segment.Value(2);
    /// <summary>QPD-3 onward: the query's parameters (WOS: specimen id).</summary>
    public Hl7Field Parameter(int index) => Segment[2 + index];
    public Hl7Field SpecimenId => Segment[3];
}

/// <summary>QAK query acknowledgment (HL7 v2.5 ch. 5 §5.5.2).</summary>
public readonly struct QakSegment(Hl7Segment segment)
{
    public Hl7Segment Segment { get; } = Hl7SegmentGuard.Expect(segment, "QAK");
    public string QueryTag => Segment.Value(1);
    /// <summary>OK data found, NF no data found, AE application error, AR rejected.</summary>
    public string QueryResponseStatus => Segment.Value(2);
}
