namespace Hospital.Integration.Hl7;

/// <summary>
/// How strictly a received message is read. Strict follows HL7 v2.5 ch. 2 to the letter; lenient
/// accepts the deviations real analysers send (LF terminators, unknown escapes, mislabelled
/// charsets, see shared/spec/lis-protocols.md §3) and records each one in <see cref="Hl7Message.Deviations"/>.
/// </summary>
public sealed record Hl7ParseOptions
{
    public static readonly Hl7ParseOptions Strict = new() { IsLenient = false };
    public static readonly Hl7ParseOptions Lenient = new() { IsLenient = true };

    public bool IsLenient { get; init; } = true;

    /// <summary>Charset used when MSH-18 is empty and the bytes are not valid UTF-8 (lenient only).</summary>
    public Hl7Charset FallbackCharset { get; init; } = Hl7Charset.Latin1;
}
