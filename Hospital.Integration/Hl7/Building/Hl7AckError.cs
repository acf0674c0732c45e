namespace Hospital.Integration.Hl7.Building;

/// <summary>What went wrong with a received message, for the ERR segment of an AE/AR acknowledgment (HL7 v2.5 §2.15.5).</summary>
public sealed record Hl7AckError(Hl7ErrorCode Code, string Reason, string? SegmentId = null, int SegmentSequence = 0, int Field = 0)
{
    public static Hl7AckError From(Hl7FormatException e) =>
        new(e.Code, e.Reason, e.SegmentId, e.SegmentIndex >= 0 ? e.SegmentIndex + 1 : 0, e.Field);

    /// <summary>For an MLLP block over the receiver's size limit (answered AR: the same block would be refused again).</summary>
    public static Hl7AckError TooLarge(long bytes, int limit) =>
        new(Hl7ErrorCode.ApplicationInternalError, $"message of {bytes} bytes exceeds the {limit}-byte limit");

    /// <summary>Table 0357 text for the code.</summary>
    public string CodeText => Code switch
    {
        Hl7ErrorCode.MessageAccepted => "Message accepted",
        Hl7ErrorCode.SegmentSequenceError => "Segment sequence error",
        Hl7ErrorCode.RequiredFieldMissing => "Required field missing",
        Hl7ErrorCode.DataTypeError => "Data type error",
        Hl7ErrorCode.TableValueNotFound => "Table value not found",
        Hl7ErrorCode.UnsupportedMessageType => "Unsupported message type",
        Hl7ErrorCode.UnsupportedEventCode => "Unsupported event code",
        Hl7ErrorCode.UnsupportedProcessingId => "Unsupported processing id",
        Hl7ErrorCode.UnsupportedVersionId => "Unsupported version id",
        Hl7ErrorCode.UnknownKeyIdentifier => "Unknown key identifier",
        Hl7ErrorCode.DuplicateKeyIdentifier => "Duplicate key identifier",
        Hl7ErrorCode.ApplicationRecordLocked => "Application record locked",
        _ => "Application internal error",
    };
}

/// <summary>Original-mode acknowledgment codes (HL7 v2.5 §2.9.2, table 0008).</summary>
public enum Hl7AckCode
{
    /// <summary>AA: accepted (and, for a LIS, stored).</summary>
    Accept,
    /// <summary>AE: error; the sender may correct and resend.</summary>
    Error,
    /// <summary>AR: rejected; resending the same message will not help.</summary>
    Reject,
}
