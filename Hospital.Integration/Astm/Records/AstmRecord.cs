using System.Text;

namespace Hospital.Integration.Astm.Records;

/// <summary>
/// One E1394 / LIS2-A2 record as its fields, numbered from 1 with the record type letter as field 1 (the
/// numbering of the spec §2.2). Fields are kept in their escaped wire form, so a record read and
/// written again is unchanged, vendor fields included; the accessors unescape. Typed views
/// (<see cref="AstmHeader"/>, <see cref="AstmResult"/>…) read and write through it.
/// </summary>
public sealed class AstmRecord
{
    private readonly List<string> _fields;

    private AstmRecord(AstmDelimiters delimiters, List<string> fields)
    {
        Delimiters = delimiters;
        _fields = fields;
    }

    public AstmDelimiters Delimiters { get; }

    /// <summary>The record type letter: H, P, O, R, C, Q, L, M, S.</summary>
    public char Type => _fields[0].Length > 0 ? _fields[0][0] : '\0';

    /// <summary>Number of fields present (trailing empty ones may be missing).</summary>
    public int FieldCount => _fields.Count;

    /// <summary>A new record of <paramref name="type"/> with no fields set; an H record gets its delimiter field.</summary>
    public static AstmRecord Create(char type, AstmDelimiters delimiters)
    {
        delimiters.Validate();
        var fields = new List<string> { type.ToString() };
        if (type == 'H') fields.Add(delimiters.HeaderDefinition);
        return new AstmRecord(delimiters, fields);
    }

    /// <summary>
    /// Reads one record (without its CR). An H record declares its own delimiters; other records use
    /// <paramref name="delimiters"/> from their message's H.
    /// </summary>
    /// <exception cref="AstmFormatException">empty, or a record type that is not a single letter.</exception>
    public static AstmRecord Parse(ReadOnlySpan<char> line, AstmDelimiters delimiters)
    {
        line = line.TrimEnd('\r');
        if (line.IsEmpty) throw new AstmFormatException("empty record");
        var fields = new List<string>(16);
        if (line[0] == 'H')
        {
            delimiters = AstmDelimiters.FromHeader(line);
            fields.Add("H");
            fields.Add(delimiters.HeaderDefinition);
            line = line.Length > 5 ? line[6..] : [];
            if (line.IsEmpty) return new AstmRecord(delimiters, fields);
        }
        else if (!char.IsAsciiLetterUpper(line[0]) || (line.Length > 1 && line[1] != delimiters.Field))
        {
            throw new AstmFormatException($"\"{Preview(line)}\" does not start with a record type letter and the field delimiter '{delimiters.Field}'");
        }
        while (true)
        {
            var next = line.IndexOf(delimiters.Field);
            if (next < 0) { fields.Add(line.ToString()); break; }
            fields.Add(line[..next].ToString());
            line = line[(next + 1)..];
        }
        return new AstmRecord(delimiters, fields);
    }

    /// <summary>Field <paramref name="number"/> (1-based) in its escaped wire form; empty when absent.</summary>
    public string Raw(int number) => number >= 1 && number <= _fields.Count ? _fields[number - 1] : string.Empty;

    /// <summary>Field <paramref name="number"/> unescaped, taken as one value (components and repeats not split).</summary>
    public string Value(int number) => AstmEscaping.Unescape(Raw(number), Delimiters);

    /// <summary>The repeats of a field, each still in wire form.</summary>
    public IReadOnlyList<string> RawRepeats(int number)
    {
        var raw = Raw(number);
        return raw.Length == 0 ? [] : raw.Split(Delimiters.Repeat);
    }

    /// <summary>The unescaped components of one repeat of a field (1-based repeat).</summary>
    public IReadOnlyList<string> Components(int number, int repeat = 1)
    {
        var repeats = RawRepeats(number);
        if (repeat < 1 || repeat > repeats.Count) return [];
        return SplitComponents(repeats[repeat - 1], Delimiters);
    }

    /// <summary>Component <paramref name="component"/> (1-based) of the first repeat, unescaped; empty when absent.</summary>
    public string Component(int number, int component)
    {
        var parts = Components(number);
        return component >= 1 && component <= parts.Count ? parts[component - 1] : string.Empty;
    }

    internal static string[] SplitComponents(string rawRepeat, AstmDelimiters d)
    {
        var parts = rawRepeat.Split(d.Component);
        for (var i = 0; i < parts.Length; i++) parts[i] = AstmEscaping.Unescape(parts[i], d);
        return parts;
    }

    /// <summary>Sets a field to one value, escaping delimiter characters in it.</summary>
    public AstmRecord SetValue(int number, string? value) => SetRaw(number, AstmEscaping.Escape(value, Delimiters));

    /// <summary>Sets a field to components (one repeat), each escaped.</summary>
    public AstmRecord SetComponents(int number, params IEnumerable<string?> components) =>
        SetRaw(number, JoinComponents(components));

    /// <summary>Sets a field to repeats of components, each escaped.</summary>
    public AstmRecord SetRepeats(int number, IEnumerable<IEnumerable<string?>> repeats) =>
        SetRaw(number, string.Join(Delimiters.Repeat, repeats.Select(JoinComponents)));

    private string JoinComponents(IEnumerable<string?> components)
    {
        var joined = string.Join(Delimiters.Component, components.Select(c => AstmEscaping.Escape(c, Delimiters)));
        return joined.AsSpan().TrimEnd(Delimiters.Component).ToString();
    }

    /// <summary>Sets a field's wire form as given (it must not hold the field delimiter or CR).</summary>
    /// <exception cref="ArgumentException">the text would break the record.</exception>
    public AstmRecord SetRaw(int number, string raw)
    {
        if (number < 2) throw new ArgumentOutOfRangeException(nameof(number), number, "Field 1 is the record type; set fields from 2 on.");
        if (Type == 'H' && number == 2) throw new ArgumentException("H-2 holds the delimiters the record was created with.", nameof(number));
        if (raw.AsSpan().IndexOfAny(Delimiters.Field, '\r', '\n') >= 0)
            throw new ArgumentException($"The wire text of field {number} holds a field delimiter or line end: \"{raw}\".", nameof(raw));
        if (raw.Length == 0 && number > _fields.Count) return this; // nothing to add: no trailing empty fields
        while (_fields.Count < number) _fields.Add(string.Empty);
        _fields[number - 1] = raw;
        return this;
    }

    /// <summary>
    /// The record on the wire, without its CR. A parsed record comes back exactly as read (trailing empty fields
    /// included); a built one has no trailing empty fields.
    /// </summary>
    public string ToText()
    {
        var sb = new StringBuilder(64);
        for (var i = 0; i < _fields.Count; i++)
        {
            if (i > 0) sb.Append(Delimiters.Field);
            sb.Append(_fields[i]);
        }
        return sb.ToString();
    }

    public override string ToString() => ToText();

    private static string Preview(ReadOnlySpan<char> s) => s.Length > 30 ? s[..30].ToString() + "…" : s.ToString();
}
