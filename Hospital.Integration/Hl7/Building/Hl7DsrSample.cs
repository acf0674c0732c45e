namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// One sample's data for a DSR^Q03 (Mindray BS host query, spec §3.6). DSR lines are positional: DSP-1
/// is a sequence number and DSP-3 carries the datum of that position — 1 admission no., 2 bed, 3 name,
/// 4 birth date (YYYYMMDDHHMMSS), 5 sex, 21 barcode, 22 sample id, 23 sample time, 24 STAT Y/N,
/// 26 sample type, 27 doctor, 28 department, then one line per test (testNo^name^unit^range) from 29.
/// Positions not listed are sent empty; <see cref="Other"/> fills them when an analyser wants them.
/// </summary>
public sealed record Hl7DsrSample
{
    public string AdmissionNumber { get; init; } = "";
    public string Bed { get; init; } = "";
    public string PatientName { get; init; } = "";
    public string BirthDate { get; init; } = "";
    public string Sex { get; init; } = "";
    public required string Barcode { get; init; }
    public string SampleId { get; init; } = "";
    public string SampleTime { get; init; } = "";
    public bool Stat { get; init; }
    public string SampleType { get; init; } = "";
    public string Doctor { get; init; } = "";
    public string Department { get; init; } = "";
    public IReadOnlyList<Hl7DsrTest> Tests { get; init; } = [];
    /// <summary>Other positions (6–20, 25) by DSP number.</summary>
    public IReadOnlyDictionary<int, string> Other { get; init; } = new Dictionary<int, string>();

    internal void WriteDisplayLines(Hl7MessageBuilder b)
    {
        for (var line = 1; line <= 28; line++)
        {
            var value = line switch
            {
                1 => AdmissionNumber, 2 => Bed, 3 => PatientName, 4 => BirthDate, 5 => Sex,
                21 => Barcode, 22 => SampleId, 23 => SampleTime, 24 => Stat ? "Y" : "N",
                26 => SampleType, 27 => Doctor, 28 => Department,
                _ => Other.TryGetValue(line, out var v) ? v : "",
            };
            Line(b, line).Set(3, value);
        }
        var n = 29;
        foreach (var t in Tests) Line(b, n++).SetComponents(3, t.Number, t.Name, t.Unit, t.ReferenceRange);
    }

    private static Hl7SegmentBuilder Line(Hl7MessageBuilder b, int line) =>
        b.Add("DSP").Set(1, line.ToString(System.Globalization.CultureInfo.InvariantCulture)).PadTo(6);
}

/// <summary>One test of a DSR^Q03 sample: the analyser's test number, and optionally name, unit and range.</summary>
public sealed record Hl7DsrTest(string Number, string Name = "", string Unit = "", string ReferenceRange = "");
