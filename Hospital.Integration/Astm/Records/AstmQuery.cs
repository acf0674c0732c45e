namespace Hospital.Integration.Astm.Records;

/// <summary>Q, request information: the analyser's host query (LIS2-A2 §11).</summary>
public sealed class AstmQuery(AstmRecord record) : AstmRecordView(record, 'Q')
{
    public AstmQuery(AstmDelimiters delimiters) : this(AstmRecord.Create('Q', delimiters)) { }

    /// <summary>Q-3, one component list per repeat: patient ID^specimen ID^manufacturer-defined….</summary>
    public IReadOnlyList<IReadOnlyList<string>> StartingRange =>
        Record.RawRepeats(3).Select(r => (IReadOnlyList<string>)AstmRecord.SplitComponents(r, Record.Delimiters)).ToList();

    /// <summary>
    /// The specimen IDs asked for, one per repeat of Q-3: component 2 (the standard place; Access, Panther, Maglumi),
    /// else component 3 (Sysmex <c>^^ barcode^B</c>, cobas <c>^^barcode^…</c>); padding trimmed.
    /// </summary>
    public IReadOnlyList<string> SpecimenIds =>
        StartingRange.Select(c => Part(c, 2) is { Length: > 0 } id ? id : Part(c, 3)).Where(id => id.Length > 0).ToList();

    /// <summary>Sets Q-3 to one specimen ID in component 2 (<c>^barcode</c>).</summary>
    public void SetSpecimenId(string specimenId) => Record.SetComponents(3, "", specimenId);

    /// <summary>Q-4.</summary>
    public string EndingRange { get => Get(4); set => Set(4, value); }

    /// <summary>Q-5 test IDs (<c>ALL</c> or <c>^^^ALL</c>, or a list).</summary>
    public IReadOnlyList<AstmTestId> Tests => AstmTestId.ListFrom(Record, 5);

    /// <summary>Q-5 asks for every test (empty, <c>ALL</c> or <c>^^^ALL</c>).</summary>
    public bool AllTests => Tests.All(t => t.Components.All(c => c.Trim() is "" or "ALL"));

    /// <summary>Q-6: S collection date, R result date.</summary>
    public string TimeLimitsNature { get => Get(6); set => Set(6, value); }

    /// <summary>Q-7.</summary>
    public string BeginAt { get => Get(7); set => Set(7, value); }

    /// <summary>Q-8.</summary>
    public string EndAt { get => Get(8); set => Set(8, value); }

    /// <summary>Q-13: O orders and demographics (the usual host query), A abort last request, N new results, D demographics…</summary>
    public string RequestStatus { get => Get(13); set => Set(13, value); }

    private static string Part(IReadOnlyList<string> components, int n) => n <= components.Count ? components[n - 1].Trim() : string.Empty;
}
