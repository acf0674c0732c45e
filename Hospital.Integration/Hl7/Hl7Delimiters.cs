namespace Hospital.Integration.Hl7;

/// <summary>
/// The five delimiters of one HL7 v2 message, declared by the message itself in MSH-1 (field
/// separator) and MSH-2 (component, repetition, escape, subcomponent, and from v2.7 an optional
/// truncation character) — HL7 v2.5 ch. 2 §2.5.4. Never assume the defaults <c>|^~\&amp;</c>.
/// </summary>
public readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    public static readonly Hl7Delimiters Default = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as written by an encoder: component, repetition, escape, subcomponent.</summary>
    public string EncodingCharacters => string.Concat(Component.ToString(), Repetition.ToString(), Escape.ToString(), Subcomponent.ToString());

    /// <summary>The delimiter that separates pieces at a nesting level (0 field → repetitions, 1 → components, 2 → subcomponents).</summary>
    internal char SeparatorAt(int level) => level switch { 0 => Repetition, 1 => Component, _ => Subcomponent };

    /// <summary>
    /// Reads the delimiters from the start of an MSH segment: "MSH" + field separator + MSH-2 up to the
    /// next field separator (or end of segment). Returns null with a reason when they are unusable.
    /// </summary>
    internal static Hl7Delimiters? TryRead(ReadOnlySpan<char> msh, out int encodingLength, out string? error)
    {
        encodingLength = 0;
        if (msh.Length < 8 || !msh.StartsWith("MSH"))
        {
            error = "the message does not start with an MSH segment carrying its delimiters (HL7 v2.5 §2.5.4)";
            return null;
        }
        var field = msh[3];
        var rest = msh[4..];
        var end = rest.IndexOf(field);
        var encoding = end < 0 ? rest : rest[..end];
        if (encoding.Length is < 4 or > 5)
        {
            error = $"MSH-2 must hold 4 encoding characters (5 from v2.7), found \"{encoding.ToString()}\"";
            return null;
        }
        ReadOnlySpan<char> all = [field, encoding[0], encoding[1], encoding[2], encoding[3]];
        for (var i = 0; i < all.Length; i++)
        {
            var c = all[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '\r' or '\n' or ' ' || char.IsControl(c))
            {
                error = $"delimiter '{Printable(c)}' in MSH-1/MSH-2 is not allowed (letters, digits, blanks and control characters cannot be delimiters)";
                return null;
            }
            if (all[(i + 1)..].Contains(c))
            {
                error = $"delimiter '{Printable(c)}' is declared twice in MSH-1/MSH-2 \"{msh[3..Math.Min(msh.Length, 9)].ToString()}\"";
                return null;
            }
        }
        encodingLength = encoding.Length;
        error = null;
        return new Hl7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3]);
    }

    private static string Printable(char c) => c < ' ' ? $"0x{(int)c:X2}" : c.ToString();
}
