namespace Hospital.Integration.Hl7;

/// <summary>
/// A view of part of a segment's raw text: a field (level 0, split by repetitions), one repetition
/// (level 1, split by components), a component (level 2, split by subcomponents) or a subcomponent
/// (level 3). Nothing is split or unescaped until asked (HL7 v2.5 ch. 2 §2.5.3–2.5.6); indexes are
/// 1-based like the standard's "OBX-5.1.2". A position past the end reads as empty, as HL7 says.
/// </summary>
public readonly struct Hl7Field
{
    private readonly Hl7Segment? segment;
    private readonly int start;
    private readonly int length;
    private readonly byte level;
    private readonly bool literal;

    internal Hl7Field(Hl7Segment segment, int start, int length, int level, bool literal = false)
    {
        this.segment = segment;
        this.start = start;
        this.length = length;
        this.level = (byte)level;
        this.literal = literal;
    }

    /// <summary>The text as it is on the wire, escapes included.</summary>
    public ReadOnlySpan<char> Raw => segment is null ? default : segment.Text.AsSpan(start, length);

    public string RawText => Raw.ToString();

    public bool IsEmpty => length == 0;

    /// <summary>HL7's explicit null <c>""</c> (§2.5.3: "delete the value"), distinct from empty (not sent).</summary>
    public bool IsNull => Raw.SequenceEqual("\"\"");

    /// <summary>Number of repetitions (level 0), components (level 1) or subcomponents (level 2) in this piece; at least 1.</summary>
    public int Count => literal || level >= 3 ? 1 : Raw.Count(Separator) + 1;

    public int RepetitionCount => level == 0 ? Count : 1;

    /// <summary>The i-th repetition of a field (1-based).</summary>
    public Hl7Field Repetition(int index) => level == 0 ? Piece(index) : index == 1 ? this : Empty(1);

    /// <summary>The i-th component; on a field, of its first repetition.</summary>
    public Hl7Field Component(int index) => level switch
    {
        0 => Repetition(1).Component(index),
        1 => Piece(index),
        _ => index == 1 ? this : Empty(2),
    };

    /// <summary>The i-th subcomponent; on a field or repetition, of its first component.</summary>
    public Hl7Field Subcomponent(int index) => level switch
    {
        < 2 => Component(1).Subcomponent(index),
        2 => Piece(index),
        _ => index == 1 ? this : Empty(3),
    };

    /// <summary>Shorthand for <c>Component(c).Subcomponent(s)</c>.</summary>
    public Hl7Field this[int component, int subcomponent = 1] => subcomponent == 1 ? Component(component) : Component(component).Subcomponent(subcomponent);

    /// <summary>
    /// The unescaped text of the first subcomponent of the first component of the first repetition — the
    /// whole value of a simple field such as OBX-5 NM or MSH-10.
    /// </summary>
    public string Value
    {
        get
        {
            if (segment is null || length == 0) return "";
            var raw = segment.Text.AsSpan(start, length);
            if (literal) return raw.ToString();
            var message = segment.Message;
            var d = message.Delimiters;
            var cut = level switch
            {
                0 => raw.IndexOfAny(d.Repetition, d.Component, d.Subcomponent),
                1 => raw.IndexOfAny(d.Component, d.Subcomponent),
                2 => raw.IndexOf(d.Subcomponent),
                _ => -1,
            };
            if (cut >= 0) raw = raw[..cut];
            return Hl7Escaping.Unescape(raw, d, message.Charset, message.Lenient);
        }
    }

    /// <summary>All repetitions of a field, in one pass.</summary>
    public Pieces Repetitions() => level == 0 ? new Pieces(this) : new Pieces(this, single: true);

    /// <summary>All components of a repetition (of the first repetition, on a field), in one pass.</summary>
    public Pieces Components() => level switch { 0 => Repetition(1).Components(), 1 => new Pieces(this), _ => new Pieces(this, single: true) };

    /// <summary>All subcomponents of a component (of the first component, above that level), in one pass.</summary>
    public Pieces Subcomponents() => level switch { < 2 => Component(1).Subcomponents(), 2 => new Pieces(this), _ => new Pieces(this, single: true) };

    /// <summary>
    /// The pieces of one nesting level, enumerated without rescanning from the start (a struct enumerator:
    /// no allocation), for readers that walk a whole message.
    /// </summary>
    public struct Pieces : IEnumerable<Hl7Field>, IEnumerator<Hl7Field>
    {
        private readonly Hl7Field parent;
        private readonly bool single;
        private readonly char separator;
        private int next;    // offset in the parent of the next piece's start; -1 when done
        private Hl7Field current;

        internal Pieces(Hl7Field parent, bool single = false)
        {
            this.parent = parent;
            this.single = single || parent.literal || parent.segment is null;
            separator = this.single ? '\0' : parent.Separator;
            next = 0;
            current = default;
        }

        public readonly Hl7Field Current => current;

        readonly object System.Collections.IEnumerator.Current => current;

        public bool MoveNext()
        {
            if (next < 0) return false;
            if (single)
            {
                current = parent;
                next = -1;
                return parent.segment is not null;
            }
            var span = parent.Raw[next..];
            var end = span.IndexOf(separator);
            var length = end < 0 ? span.Length : end;
            current = new Hl7Field(parent.segment!, parent.start + next, length, parent.level + 1);
            next = end < 0 ? -1 : next + end + 1;
            return true;
        }

        public readonly Pieces GetEnumerator() => this;

        readonly IEnumerator<Hl7Field> IEnumerable<Hl7Field>.GetEnumerator() => this;

        readonly System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => this;

        public void Reset() => next = 0;

        public readonly void Dispose() { }
    }

    public override string ToString() => Value;

    private char Separator => segment!.Message.Delimiters.SeparatorAt(level);

    private Hl7Field Piece(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        if (segment is null) return Empty(level + 1);
        if (literal) return index == 1 ? new Hl7Field(segment, start, length, level + 1, true) : Empty(level + 1);
        var span = Raw;
        var sep = Separator;
        var pos = 0;
        for (var k = 1; k < index; k++)
        {
            var next = span[pos..].IndexOf(sep);
            if (next < 0) return Empty(level + 1);
            pos += next + 1;
        }
        var end = span[pos..].IndexOf(sep);
        return new Hl7Field(segment, start + pos, end < 0 ? span.Length - pos : end, level + 1);
    }

    private Hl7Field Empty(int atLevel) => segment is null ? default : new Hl7Field(segment, start + length, 0, atLevel);
}
