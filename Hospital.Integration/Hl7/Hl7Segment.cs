namespace Hospital.Integration.Hl7;

/// <summary>
/// One segment of a message, kept as its raw text; fields are located on first access (HL7 v2.5 ch. 2
/// §2.5.2). Field numbers follow the standard: for MSH, MSH-1 is the field separator itself and MSH-2
/// the encoding characters, so MSH-3 is the first text after them.
/// </summary>
public sealed class Hl7Segment
{
    private readonly int start;
    private readonly int length;
    private int[]? pieceStarts; // start of each field-separated piece relative to the segment, plus length+1 as sentinel

    internal Hl7Segment(Hl7Message message, int start, int length, string id)
    {
        Message = message;
        Text = message.Text;
        this.start = start;
        this.length = length;
        Id = id;
    }

    public Hl7Message Message { get; }

    /// <summary>The segment id, e.g. "OBX" (any id is accepted, Z-segments included).</summary>
    public string Id { get; }

    public bool IsMsh => Id == "MSH";

    /// <summary>The whole message text this segment is a slice of (held here to save a hop on every field read).</summary>
    internal string Text { get; }

    /// <summary>The raw text of the segment without its terminator.</summary>
    public ReadOnlySpan<char> Raw => Text.AsSpan(start, length);

    public string RawText => Raw.ToString();

    /// <summary>The highest field number present (trailing empty fields included, as sent).</summary>
    public int FieldCount => IsMsh ? Pieces().Length - 1 : Pieces().Length - 2;

    /// <summary>Field n (1-based, standard numbering); a field past the end reads as empty.</summary>
    public Hl7Field this[int field] => Field(field);

    public Hl7Field Field(int field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        if (IsMsh)
        {
            if (field == 1) return new Hl7Field(this, start + 3, 1, 0, literal: true);
            if (field == 2) return Piece(1, literal: true);
            return Piece(field - 1);
        }
        return Piece(field);
    }

    /// <summary>Shorthand for the unescaped simple value of field n.</summary>
    public string Value(int field) => Field(field).Value;

    public override string ToString() => RawText;

    private Hl7Field Piece(int index, bool literal = false)
    {
        var p = Pieces();
        if (index >= p.Length - 1) return new Hl7Field(this, start + length, 0, 0);
        return new Hl7Field(this, start + p[index], p[index + 1] - p[index] - 1, 0, literal);
    }

    private int[] Pieces()
    {
        if (pieceStarts is { } known) return known;
        var raw = Raw;
        var sep = Message.Delimiters.Field;
        var p = new int[raw.Count(sep) + 2];
        var pos = 0;
        for (var i = 1; i < p.Length - 1; i++)
        {
            pos += raw[pos..].IndexOf(sep) + 1;
            p[i] = pos;
        }
        p[^1] = raw.Length + 1;
        return pieceStarts = p;
    }
}
