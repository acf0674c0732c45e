namespace Hospital.Integration.Hl7;

/// <summary>A departure from HL7 v2 that lenient parsing accepted; kept with the message so nothing is silently normalised.</summary>
public sealed record Hl7Deviation(Hl7DeviationKind Kind, string Detail, int SegmentIndex = -1)
{
    public override string ToString() => SegmentIndex >= 0 ? $"{Kind} (segment {SegmentIndex + 1}): {Detail}" : $"{Kind}: {Detail}";
}

public enum Hl7DeviationKind
{
    /// <summary>Segments ended by LF instead of CR (§2.5.2 requires CR).</summary>
    LineFeedSegmentTerminator,
    /// <summary>Segments ended by CR LF.</summary>
    CrLfSegmentTerminator,
    /// <summary>The last segment had no terminator.</summary>
    MissingFinalSegmentTerminator,
    /// <summary>An empty line between or after segments.</summary>
    EmptySegment,
    /// <summary>Bytes before "MSH" (blanks, NULs, a BOM).</summary>
    LeadingBytes,
    /// <summary>A segment id that is not three upper-case letters or digits.</summary>
    InvalidSegmentId,
    /// <summary>An escape sequence HL7 does not define (§2.7); kept verbatim.</summary>
    UnknownEscape,
    /// <summary>An escape character with no closing escape character before the next delimiter; kept verbatim.</summary>
    UnterminatedEscape,
    /// <summary>A \Zhhhh\ local escape read as the Unicode character U+hhhh (BioSystems BA400 writes µ as \Z03BC\).</summary>
    LocalEscapeReadAsUnicode,
    /// <summary>MSH-18 is not a table 0211 value (e.g. "UTF-8"), or "UNICODE" carrying UTF-8 (Mindray BC).</summary>
    NonStandardCharset,
    /// <summary>The bytes did not fit the declared charset (e.g. UTF-8 under ASCII); read with another one.</summary>
    CharsetMismatch,
    /// <summary>A message type that is not an HL7 trigger (Roche MagNA Pure's QBP^WOS).</summary>
    NonStandardMessageType,
}
