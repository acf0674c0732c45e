using System.Collections.Frozen;

namespace Hospital.Integration.Hl7;

/// <summary>Segment ids as shared strings, so parsing a message allocates no string per segment for the ids labs use.</summary>
internal static class Hl7SegmentIds
{
    private static readonly FrozenDictionary<int, string> Known = new[]
    {
        "MSH", "MSA", "ERR", "PID", "PD1", "PV1", "PV2", "ORC", "OBR", "OBX", "NTE", "SPM", "SAC", "TQ1", "QRD", "QRF",
        "QPD", "QAK", "RCP", "DSP", "DSC", "EVN", "NK1", "IN1", "DG1", "AL1", "INV", "EQU", "TCD", "CTI", "FT1", "TXA",
    }.ToFrozenDictionary(Key);

    /// <summary>The id of a segment; callers pass exactly three characters.</summary>
    public static string Intern(ReadOnlySpan<char> id) => Known.TryGetValue(Key(id), out var known) ? known : id.ToString();

    private static int Key(ReadOnlySpan<char> id) => (id[0] << 16) | (id[1] << 8) | id[2];

    private static int Key(string id) => Key(id.AsSpan());
}
