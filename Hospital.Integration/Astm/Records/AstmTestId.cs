namespace Hospital.Integration.Astm.Records;

/// <summary>
/// A Universal Test ID (LIS2-A2 O-5, R-3, Q-5; spec §2.3): <c>universal^name^type^local code^…</c>. Analysers put their
/// code in component 4 (<c>^^^GLU</c>, Architect <c>^^^651^_B-hCG^UNDILUTED^P</c>) or, Sysmex, in component 5 with
/// the dilution in 6 (<c>^^^^WBC^1</c>).
/// </summary>
public sealed class AstmTestId
{
    public AstmTestId(IReadOnlyList<string> components) => Components = components;

    public IReadOnlyList<string> Components { get; }

    /// <summary>The analyser's test code: component 4, or component 5 when 4 is empty (Sysmex).</summary>
    public string Code
    {
        get
        {
            var local = Part(4).Trim();
            return local.Length > 0 ? local : Part(5).Trim();
        }
    }

    /// <summary>Component 5 when component 4 holds the code (Architect's assay name); empty otherwise.</summary>
    public string Name => Part(4).Trim().Length > 0 ? Part(5).Trim() : string.Empty;

    public string Part(int component) => component >= 1 && component <= Components.Count ? Components[component - 1] : string.Empty;

    /// <summary><c>^^^code</c>: the LIS2-A2 form with the local code in component 4.</summary>
    public static AstmTestId FromCode(string code) => new(["", "", "", code]);

    /// <summary><c>^^^^code</c>: Sysmex' form with the code in component 5.</summary>
    public static AstmTestId FromSysmexCode(string code) => new(["", "", "", "", code]);

    /// <summary>The test ids of a field, one per repeat.</summary>
    public static IReadOnlyList<AstmTestId> ListFrom(AstmRecord record, int field) =>
        record.RawRepeats(field).Select(r => new AstmTestId(AstmRecord.SplitComponents(r, record.Delimiters))).ToList();

    public override string ToString() => string.Join('^', Components);
}
