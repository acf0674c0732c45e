using System.Text;

namespace Hospital.Integration.Hl7.Building;

/// <summary>
/// Builds one segment from plain values: each value is escaped for its position when the segment is
/// written (HL7 v2.5 ch. 2 §2.7), so callers never deal with delimiters. Positions are 1-based
/// (field, repetition, component, subcomponent), as in "OBX-5.1.2".
/// </summary>
public sealed class Hl7SegmentBuilder
{
    // Per field: null (empty), a string (already-encoded raw text) or a Tree (plain values to escape).
    private readonly List<object?> fields = [null];
    private int minimumFieldCount;

    public Hl7SegmentBuilder(string id)
    {
        if (id.Length != 3 || !id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw new ArgumentException($"\"{id}\" is not a segment id (three upper-case letters or digits)", nameof(id));
        Id = id;
    }

    public string Id { get; }

    /// <summary>Whether a field was set as already-encoded text (which may carry a sender's deviations).</summary>
    internal bool HasRaw { get; private set; }

    private bool IsMsh => Id == "MSH";

    /// <summary>Sets field n to one plain value.</summary>
    public Hl7SegmentBuilder Set(int field, string? value) => Set(field, 1, 1, 1, value);

    /// <summary>Sets component c of the first repetition of field n.</summary>
    public Hl7SegmentBuilder Set(int field, int component, string? value) => Set(field, 1, component, 1, value);

    public Hl7SegmentBuilder Set(int field, int repetition, int component, int subcomponent, string? value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(subcomponent, 1);
        var tree = TreeAt(field);
        while (tree.Count < repetition) tree.Add([[""]]);
        var rep = tree[repetition - 1];
        while (rep.Count < component) rep.Add([""]);
        var comp = rep[component - 1];
        while (comp.Count < subcomponent) comp.Add("");
        comp[subcomponent - 1] = value ?? "";
        return this;
    }

    /// <summary>Sets field n to components 1..k of its first repetition.</summary>
    public Hl7SegmentBuilder SetComponents(int field, params string?[] components)
    {
        Clear(field);
        for (var c = 0; c < components.Length; c++) Set(field, 1, c + 1, 1, components[c]);
        return this;
    }

    /// <summary>Sets field n to one repetition per value.</summary>
    public Hl7SegmentBuilder SetRepetitions(int field, params string?[] values)
    {
        Clear(field);
        for (var r = 0; r < values.Length; r++) Set(field, r + 1, 1, 1, values[r]);
        return this;
    }

    /// <summary>Sets field n to text that is already encoded with the message's delimiters (echoing a received field).</summary>
    public Hl7SegmentBuilder SetRaw(int field, string encoded)
    {
        Slot(field);
        fields[field] = encoded;
        HasRaw |= encoded.Length > 0;
        return this;
    }

    /// <summary>For an MSH: the charset its MSH-18 declares so far (ASCII when unset or unknown).</summary>
    internal Hl7Charset Charset =>
        fields.Count > 18 && fields[18] switch { Tree t => t[0][0][0], string raw => raw, _ => "" } is { } label
            ? Hl7Charsets.FromMsh18(label, out _) ?? Hl7Charset.Utf8
            : Hl7Charset.Ascii;

    /// <summary>Writes at least n fields, empty ones included (some analysers want the trailing "|||" of their manuals).</summary>
    public Hl7SegmentBuilder PadTo(int fieldCount)
    {
        minimumFieldCount = Math.Max(minimumFieldCount, fieldCount);
        return this;
    }

    internal void WriteTo(StringBuilder sb, Hl7Delimiters d)
    {
        sb.Append(Id);
        var count = Math.Max(fields.Count - 1, minimumFieldCount);
        var first = 1;
        if (IsMsh)
        {
            sb.Append(d.Field).Append(d.EncodingCharacters);
            first = 3;
        }
        for (var f = first; f <= count; f++)
        {
            sb.Append(d.Field);
            var slot = f < fields.Count ? fields[f] : null;
            if (slot is string raw) sb.Append(raw);
            else if (slot is Tree tree) WriteTree(sb, tree, d);
        }
    }

    private static void WriteTree(StringBuilder sb, Tree tree, Hl7Delimiters d)
    {
        for (var r = 0; r < tree.Count; r++)
        {
            if (r > 0) sb.Append(d.Repetition);
            for (var c = 0; c < tree[r].Count; c++)
            {
                if (c > 0) sb.Append(d.Component);
                for (var s = 0; s < tree[r][c].Count; s++)
                {
                    if (s > 0) sb.Append(d.Subcomponent);
                    Hl7Escaping.AppendEscaped(sb, tree[r][c][s], d);
                }
            }
        }
    }

    private void Clear(int field)
    {
        Slot(field);
        fields[field] = null;
    }

    private Tree TreeAt(int field)
    {
        Slot(field);
        if (fields[field] is Tree t) return t;
        if (fields[field] is string) throw new InvalidOperationException($"{Id}-{field} was set as raw text; set it whole again");
        var tree = new Tree();
        fields[field] = tree;
        return tree;
    }

    private void Slot(int field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, IsMsh ? 3 : 1);
        while (fields.Count <= field) fields.Add(null);
    }

    /// <summary>Repetitions → components → subcomponents, unescaped.</summary>
    private sealed class Tree : List<List<List<string>>>;
}
