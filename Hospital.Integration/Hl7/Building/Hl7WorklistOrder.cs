namespace Hospital.Integration.Hl7.Building;

/// <summary>One specimen's tests to download to an analyser (worklist), independent of the message used (ORM^O01 or OML^O21).</summary>
public sealed record Hl7WorklistOrder
{
    /// <summary>ORC-1: NW new, CA cancel, XO change.</summary>
    public string OrderControl { get; init; } = "NW";
    public required string SpecimenBarcode { get; init; }
    /// <summary>Specimen type code (SER, BLD, UR…) for OBR-15 / SPM-4.</summary>
    public string SpecimenType { get; init; } = "";
    public string PatientId { get; init; } = "";
    public string FamilyName { get; init; } = "";
    public string GivenName { get; init; } = "";
    /// <summary>YYYYMMDD.</summary>
    public string BirthDate { get; init; } = "";
    /// <summary>M, F, O, U (table 0001).</summary>
    public string Sex { get; init; } = "";
    public string PatientClass { get; init; } = "";
    public string Location { get; init; } = "";
    /// <summary>OBR-5 / TQ1 priority: R routine, S stat.</summary>
    public string Priority { get; init; } = "R";
    public DateTimeOffset? CollectedAt { get; init; }
    public string OrderingProvider { get; init; } = "";
    public required IReadOnlyList<Hl7OrderedTest> Tests { get; init; }
}

/// <summary>A test code in the analyser's vocabulary, with its name and coding system (OBR-4 CE).</summary>
public sealed record Hl7OrderedTest(string Code, string Name = "", string CodingSystem = "");
