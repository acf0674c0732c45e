namespace Hospital.Integration.Astm.Records;

/// <summary>O, test order (LIS2-A2 §8.4).</summary>
public sealed class AstmOrder(AstmRecord record) : AstmRecordView(record, 'O')
{
    public AstmOrder(AstmDelimiters delimiters) : this(AstmRecord.Create('O', delimiters)) { }

    /// <summary>O-3 component 1: the LIS specimen ID / barcode (host → analyser; Architect and Access uploads).</summary>
    public string SpecimenId { get => Record.Component(3, 1).Trim(); set => Set(3, value); }

    /// <summary>O-3 components (cobas QC: control name^lot^expiry).</summary>
    public IReadOnlyList<string> SpecimenIdComponents => Record.Components(3);

    /// <summary>O-4 components: the analyser's own specimen ID (Sysmex <c>rack^tube^barcode^B</c>, Architect <c>SID^carrier^position</c>).</summary>
    public IReadOnlyList<string> InstrumentSpecimenId { get => Record.Components(4); set => Record.SetComponents(4, value); }

    /// <summary>O-5, one Universal Test ID per repeat.</summary>
    public IReadOnlyList<AstmTestId> Tests
    {
        get => AstmTestId.ListFrom(Record, 5);
        set => Record.SetRepeats(5, value.Select(t => t.Components));
    }

    /// <summary>O-6: S stat, A ASAP, R routine, C callback, P pre-op.</summary>
    public string Priority { get => Get(6); set => Set(6, value); }

    /// <summary>O-7, requested date/time.</summary>
    public string RequestedAt { get => Get(7); set => Set(7, value); }

    /// <summary>O-8, specimen collection date/time.</summary>
    public string CollectedAt { get => Get(8); set => Set(8, value); }

    /// <summary>O-12: C cancel, A add, N new, P pending, L reserved, X in process, Q treat as QC.</summary>
    public string ActionCode { get => Get(12); set => Set(12, value); }

    /// <summary>O-12 = Q: a quality-control sample, never a patient's.</summary>
    public bool IsQualityControl => ActionCode.Trim() == "Q";

    /// <summary>O-16 components: specimen type^source.</summary>
    public string SpecimenDescriptor { get => Get(16); set => Set(16, value); }

    /// <summary>O-23, date/time results reported.</summary>
    public string ReportedAt { get => Get(23); set => Set(23, value); }

    /// <summary>O-26: O order, C correction, P preliminary, F final, X cannot be done, I pending, Y no order, Z no patient, Q query response.</summary>
    public string ReportType { get => Get(26); set => Set(26, value); }
}
