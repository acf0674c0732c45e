namespace Hospital.Integration.Simulators;

/// <summary>
/// How a simulated HL7 v2 analyser writes its messages, modelled on the Mindray captures of spec §3.8: MSH-3/4, version
/// and charset, where the barcode goes in OBR, how OBX-3 names the test, whether QC is marked by MSH-16 = 2.
/// </summary>
/// <param name="BarcodeInFillerOrderNumber">True: barcode in OBR-3 (Mindray BC haematology); false: OBR-2 with the sample number in OBR-3 (BS chemistry).</param>
/// <param name="CodedObservationIds">True: OBX-3 = <c>LOINC^name^LN</c> from <see cref="SimulatedTest.Name"/> (BC); false: OBX-3 = test number, OBX-4 = code (BS).</param>
public sealed record Hl7AnalyserProfile(
    string Name,
    string SendingApplication,
    string SendingFacility,
    string Version,
    string CharsetLabel,
    bool BarcodeInFillerOrderNumber,
    bool CodedObservationIds,
    IReadOnlyList<SimulatedTest> Menu)
{
    /// <summary>Mindray BS-200-style chemistry: <c>Mindray|BS-200</c>, 2.3.1, ASCII, MSH-16 = 0 patient / 2 QC, barcode in OBR-2.</summary>
    public static Hl7AnalyserProfile MindrayChemistry { get; } = new(
        "mindray-bs", "Mindray", "BS-200", "2.3.1", "ASCII", BarcodeInFillerOrderNumber: false, CodedObservationIds: false,
        [
            new("GLU", "mmol/L", 3.9, 6.1, 6), new("UREA", "mmol/L", 2.5, 7.5, 6), new("CREA", "umol/L", 53, 115, 6),
            new("ALT", "U/L", 7, 40, 6), new("AST", "U/L", 8, 40, 6), new("CHOL", "mmol/L", 3.0, 5.2, 6),
            new("TG", "mmol/L", 0.4, 1.7, 6), new("UA", "umol/L", 150, 420, 6),
        ]);

    /// <summary>Mindray BC-style haematology: empty MSH-3..6, 2.3.1, UNICODE, barcode in OBR-3, OBX-3 coded with LOINC, flags like <c>H~A</c>.</summary>
    public static Hl7AnalyserProfile MindrayHaematology { get; } = new(
        "mindray-bc", "", "", "2.3.1", "UNICODE", BarcodeInFillerOrderNumber: true, CodedObservationIds: true,
        [
            new("WBC", "10*9/L", 4.0, 10.0, 2, "6690-2"), new("RBC", "10*12/L", 3.5, 5.5, 2, "789-8"), new("HGB", "g/L", 110, 160, 0, "718-7"),
            new("HCT", "%", 37.0, 54.0, 1, "4544-3"), new("MCV", "fL", 80.0, 100.0, 1, "787-2"), new("MCH", "pg", 27.0, 34.0, 1, "785-6"),
            new("MCHC", "g/L", 320, 360, 0, "786-4"), new("PLT", "10*9/L", 100, 300, 0, "777-3"), new("NEU%", "%", 50.0, 70.0, 1, "770-8"),
            new("LYM%", "%", 20.0, 40.0, 1, "736-9"), new("LYM#", "10*9/L", 0.8, 4.0, 2, "731-0"), new("EOS%", "%", 0.5, 5.0, 1, "713-8"),
        ]);

    public static IReadOnlyList<Hl7AnalyserProfile> All { get; } = [MindrayChemistry, MindrayHaematology];

    /// <exception cref="ArgumentException">no profile of that name.</exception>
    public static Hl7AnalyserProfile Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown HL7 profile \"{name}\"; choose one of {string.Join(", ", All.Select(p => p.Name))}.");

    /// <exception cref="ArgumentException">a code not on this analyser's menu.</exception>
    public IReadOnlyList<SimulatedTest> Tests(IReadOnlyCollection<string>? codes)
    {
        if (codes is null || codes.Count == 0) return Menu;
        return codes.Select(c => Menu.FirstOrDefault(t => string.Equals(t.Code, c, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Test \"{c}\" is not on the {Name} menu ({string.Join(",", Menu.Select(t => t.Code))}).")).ToList();
    }

    /// <summary>The analyser's test number (BS: position on its menu, from 1).</summary>
    public int Number(SimulatedTest test) => Menu.ToList().FindIndex(t => t.Code == test.Code) + 1;
}
