using System.Globalization;

namespace Hospital.Integration.Astm.Records;

/// <summary>Base of the typed record views: named properties over the numbered fields of one <see cref="AstmRecord"/>.</summary>
public abstract class AstmRecordView
{
    protected AstmRecordView(AstmRecord record, char type)
    {
        if (record.Type != type) throw new AstmFormatException($"expected a {type} record, got \"{Preview(record.ToText())}\"");
        Record = record;
    }

    /// <summary>The underlying record (every field, vendor extras included).</summary>
    public AstmRecord Record { get; }

    /// <summary>Field 2, the sequence number within the record's level; null when absent or not a number.</summary>
    public int? Sequence
    {
        get => int.TryParse(Record.Value(2).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        set => Record.SetValue(2, value?.ToString(CultureInfo.InvariantCulture));
    }

    protected string Get(int field) => Record.Value(field);

    protected void Set(int field, string? value) => Record.SetValue(field, value);

    public override string ToString() => Record.ToText();

    private static string Preview(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
