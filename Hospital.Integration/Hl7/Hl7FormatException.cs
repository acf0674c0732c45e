namespace Hospital.Integration.Hl7;

/// <summary>
/// A message that cannot be read (or built) as HL7 v2, with the HL7 table 0357 error code an ACK's
/// ERR segment should carry and where the problem is (HL7 v2.5 §2.15.5 ERR, §2.9 acknowledgment).
/// </summary>
public sealed class Hl7FormatException : FormatException
{
    public Hl7FormatException(Hl7ErrorCode code, string reason, int segmentIndex = -1, string? segmentId = null, int field = 0)
        : base(Describe(reason, segmentIndex, segmentId, field))
    {
        Code = code;
        Reason = reason;
        SegmentIndex = segmentIndex;
        SegmentId = segmentId;
        Field = field;
    }

    public Hl7ErrorCode Code { get; }
    public string Reason { get; }
    /// <summary>0-based index of the offending segment, -1 when not tied to a segment.</summary>
    public int SegmentIndex { get; }
    public string? SegmentId { get; }
    /// <summary>1-based field number, 0 when the whole segment is at fault.</summary>
    public int Field { get; }

    private static string Describe(string reason, int segmentIndex, string? segmentId, int field)
    {
        if (segmentIndex < 0) return $"HL7: {reason}";
        var where = segmentId is null ? $"segment {segmentIndex + 1}" : $"segment {segmentIndex + 1} ({segmentId}{(field > 0 ? $"-{field}" : "")})";
        return $"HL7 {where}: {reason}";
    }
}

/// <summary>HL7 table 0357 message error condition codes (v2.5).</summary>
public enum Hl7ErrorCode
{
    MessageAccepted = 0,
    SegmentSequenceError = 100,
    RequiredFieldMissing = 101,
    DataTypeError = 102,
    TableValueNotFound = 103,
    UnsupportedMessageType = 200,
    UnsupportedEventCode = 201,
    UnsupportedProcessingId = 202,
    UnsupportedVersionId = 203,
    UnknownKeyIdentifier = 204,
    DuplicateKeyIdentifier = 205,
    ApplicationRecordLocked = 206,
    ApplicationInternalError = 207,
}
