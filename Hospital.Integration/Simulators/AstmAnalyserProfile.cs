namespace Hospital.Integration.Simulators;

/// <summary>Where an ASTM analyser writes its own code inside the Universal Test ID (spec §2.3).</summary>
public enum AstmTestCodeStyle
{
    /// <summary><c>^^^GLU</c>: component 4 (LIS2-A2; cobas, Architect, Access).</summary>
    Component4,

    /// <summary><c>^^^^WBC^1</c>: component 5 with the dilution in 6 (Sysmex).</summary>
    Sysmex,
}

/// <summary>
/// How a simulated ASTM analyser behaves on the wire, modelled on the real captures of spec §2.4: which sender it
/// names in H-5, where it puts the barcode and the test codes, how it frames records, and its test menu.
/// </summary>
/// <param name="Name">Profile name used on the command line.</param>
/// <param name="Sender">H-5 components (<c>XN-350^00-14^13126</c>).</param>
/// <param name="VersionField">H-13 (<c>E1394-97</c>, <c>1</c>).</param>
/// <param name="BarcodeInInstrumentSpecimenId">
/// True: the barcode goes in O-4 as <c>^^&lt;right-justified barcode&gt;^B</c> (Sysmex upload); false: in O-3 (cobas, Architect).
/// </param>
/// <param name="EndFramePerRecord">
/// True: every record is its own E1381 message ending in ETX (Sysmex, Architect). False: ETB after every record and ETX
/// only after the L record (cobas c111 capture).
/// </param>
/// <param name="InterpretiveMessages">Sysmex-style IP messages (<c>Left_Shift?</c>) sent as R records with a 0–300 score when a result is flagged.</param>
/// <param name="QcMaterial">Control material name sent in O-3 for QC runs (action code Q).</param>
public sealed record AstmAnalyserProfile(
    string Name,
    IReadOnlyList<string> Sender,
    string VersionField,
    AstmTestCodeStyle CodeStyle,
    bool BarcodeInInstrumentSpecimenId,
    bool EndFramePerRecord,
    bool InterpretiveMessages,
    string OperatorId,
    string QcMaterial,
    IReadOnlyList<SimulatedTest> Menu)
{
    /// <summary>
    /// A Sysmex XN-style haematology analyser: 28 CBC/DIFF parameters per sample, codes in component 5, barcode
    /// right-justified in O-4, one record per ETX frame, IP messages and an instrument comment when something is flagged.
    /// </summary>
    public static AstmAnalyserProfile Haematology { get; } = new(
        "haematology", ["XN-350", "00-14", "13126", "", "", "", "BT827364"], "E1394-97", AstmTestCodeStyle.Sysmex,
        BarcodeInInstrumentSpecimenId: true, EndFramePerRecord: true, InterpretiveMessages: true, OperatorId: "SYSMEX", QcMaterial: "XN-CHECK",
        [
            new("WBC", "10*3/uL", 4.0, 10.0, 2), new("RBC", "10*6/uL", 4.0, 5.5, 2), new("HGB", "g/dL", 12.0, 16.0, 1),
            new("HCT", "%", 36.0, 48.0, 1), new("MCV", "fL", 80.0, 100.0, 1), new("MCH", "pg", 27.0, 33.0, 1),
            new("MCHC", "g/dL", 32.0, 36.0, 1), new("PLT", "10*3/uL", 150, 400, 0), new("RDW-SD", "fL", 39.0, 46.0, 1),
            new("RDW-CV", "%", 11.5, 14.5, 1), new("PDW", "fL", 9.8, 16.2, 1), new("MPV", "fL", 9.4, 12.5, 1),
            new("P-LCR", "%", 19.2, 47.0, 1), new("PCT", "%", 0.17, 0.35, 2), new("NEUT#", "10*3/uL", 2.0, 7.0, 2),
            new("LYMPH#", "10*3/uL", 0.8, 4.0, 2), new("MONO#", "10*3/uL", 0.12, 1.2, 2), new("EO#", "10*3/uL", 0.02, 0.5, 2),
            new("BASO#", "10*3/uL", 0.0, 0.1, 2), new("NEUT%", "%", 50.0, 70.0, 1), new("LYMPH%", "%", 20.0, 40.0, 1),
            new("MONO%", "%", 3.0, 12.0, 1), new("EO%", "%", 0.5, 5.0, 1), new("BASO%", "%", 0.0, 1.0, 1),
            new("IG#", "10*3/uL", 0.0, 0.06, 2), new("IG%", "%", 0.0, 0.6, 1), new("NRBC#", "10*3/uL", 0.0, 0.01, 2),
            new("NRBC%", "/100WBC", 0.0, 0.1, 1),
        ]);

    /// <summary>
    /// A cobas c111-style chemistry analyser: codes in component 4, barcode in O-3, the whole message in one E1381
    /// message (ETB between records, ETX after L), QC as O-12 = Q with the control material in O-3.
    /// </summary>
    public static AstmAnalyserProfile Chemistry { get; } = new(
        "chemistry", ["c111", "Roche", "c111", "4.2.2.1730", "1", "13085"], "1", AstmTestCodeStyle.Component4,
        BarcodeInInstrumentSpecimenId: false, EndFramePerRecord: false, InterpretiveMessages: false, OperatorId: "$SYS$", QcMaterial: "PCCC1",
        [
            new("GLU", "mmol/L", 3.9, 6.1, 2), new("UREA", "mmol/L", 2.5, 7.5, 1), new("CREA", "umol/L", 53, 115, 0),
            new("ALT", "U/L", 7, 40, 0), new("AST", "U/L", 8, 40, 0), new("CHOL", "mmol/L", 3.0, 5.2, 2),
            new("TG", "mmol/L", 0.4, 1.7, 2), new("HDL", "mmol/L", 0.9, 2.0, 2), new("LDL", "mmol/L", 1.0, 3.4, 2),
            new("UA", "umol/L", 150, 420, 0), new("TBIL", "umol/L", 3, 21, 1), new("ALB", "g/L", 35, 50, 1),
        ]);

    public static IReadOnlyList<AstmAnalyserProfile> All { get; } = [Haematology, Chemistry];

    /// <exception cref="ArgumentException">no profile of that name.</exception>
    public static AstmAnalyserProfile Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown ASTM profile \"{name}\"; choose one of {string.Join(", ", All.Select(p => p.Name))}.");

    /// <summary>The menu entries for <paramref name="codes"/> (all of the menu when empty).</summary>
    /// <exception cref="ArgumentException">a code not on this analyser's menu.</exception>
    public IReadOnlyList<SimulatedTest> Tests(IReadOnlyCollection<string>? codes)
    {
        if (codes is null || codes.Count == 0) return Menu;
        return codes.Select(c => Menu.FirstOrDefault(t => string.Equals(t.Code, c, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Test \"{c}\" is not on the {Name} menu ({string.Join(",", Menu.Select(t => t.Code))}).")).ToList();
    }
}
