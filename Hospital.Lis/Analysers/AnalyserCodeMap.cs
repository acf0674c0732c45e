namespace Hospital.Lis.Analysers;

/// <summary>One line of a code map as written: the analyser's code and our lab test code.</summary>
public sealed record CodeMapEntry(string AnalyserCode, string TestCode);

/// <summary>A code map read from text: the entries that could be read and, in Vietnamese, what could not.</summary>
public sealed record CodeMapReading(IReadOnlyList<CodeMapEntry> Entries, IReadOnlyList<string> Errors);

/// <summary>
/// The code map of an analyser as people write it in configuration (<c>Lis:Analysers:N:CodeMap</c>) and in the admin
/// screen: <c>WBC=HH-WBC;HGB=HH-HGB</c> (entries separated by <c>;</c> or new lines, analyser code first). Every bad
/// entry is reported by itself, so one typo does not hide the rest of the map (or silently drop a test).
/// </summary>
public static class AnalyserCodeMap
{
    /// <summary>Longest analyser code the table holds (analyser_test_codes.analyser_code).</summary>
    public const int MaxCodeLength = 50;

    public static CodeMapReading Read(string? text)
    {
        var entries = new List<CodeMapEntry>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = raw.IndexOf('=');
            if (eq < 0)
            {
                errors.Add($"Mục \"{raw}\" thiếu dấu \"=\": viết MÃ_MÁY=MÃ_XÉT_NGHIỆM, ví dụ WBC=HH-WBC.");
                continue;
            }
            var analyserCode = raw[..eq].Trim();
            var testCode = raw[(eq + 1)..].Trim();
            if (analyserCode.Length == 0) errors.Add($"Mục \"{raw}\" thiếu mã của máy trước dấu \"=\".");
            else if (testCode.Length == 0) errors.Add($"Mục \"{raw}\" thiếu mã xét nghiệm sau dấu \"=\".");
            else if (testCode.Contains('=')) errors.Add($"Mục \"{raw}\" có nhiều hơn một dấu \"=\".");
            else if (analyserCode.Length > MaxCodeLength) errors.Add($"Mã của máy \"{analyserCode}\" dài quá {MaxCodeLength} ký tự.");
            else if (!seen.Add(analyserCode)) errors.Add($"Mã của máy \"{analyserCode}\" xuất hiện hai lần trong bảng mã.");
            else entries.Add(new CodeMapEntry(analyserCode, testCode));
        }
        return new CodeMapReading(entries, errors);
    }

    /// <summary>The map written back as one line (<c>WBC=HH-WBC;HGB=HH-HGB</c>), the form <see cref="Read"/> takes.</summary>
    public static string Write(IEnumerable<CodeMapEntry> entries) => string.Join(';', entries.Select(e => $"{e.AnalyserCode}={e.TestCode}"));
}
