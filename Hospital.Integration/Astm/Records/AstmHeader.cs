namespace Hospital.Integration.Astm.Records;

/// <summary>H, message header (LIS2-A2 §6). Field 2 holds the delimiters and is fixed at creation.</summary>
public sealed class AstmHeader(AstmRecord record) : AstmRecordView(record, 'H')
{
    public AstmHeader(AstmDelimiters delimiters) : this(AstmRecord.Create('H', delimiters)) { }

    public AstmHeader() : this(AstmDelimiters.Default) { }

    public AstmDelimiters Delimiters => Record.Delimiters;

    /// <summary>H-3.</summary>
    public string MessageControlId { get => Get(3); set => Set(3, value); }

    /// <summary>H-4 (Maglumi sends a password here).</summary>
    public string AccessPassword { get => Get(4); set => Set(4, value); }

    /// <summary>H-5 components: name^version^serial^… (<c>XN-350^00-14^13126</c>, <c>ARCHITECT^9.45^F3452180006^H1P1O1R1C1Q1L1</c>).</summary>
    public IReadOnlyList<string> Sender { get => Record.Components(5); set => Record.SetComponents(5, value); }

    /// <summary>H-5 component 1.</summary>
    public string SenderName => Record.Component(5, 1).Trim();

    /// <summary>H-10.</summary>
    public string ReceiverId { get => Get(10); set => Set(10, value); }

    /// <summary>H-11.</summary>
    public string Comment { get => Get(11); set => Set(11, value); }

    /// <summary>H-12: P production, T training, D debugging, Q quality control.</summary>
    public string ProcessingId { get => Get(12); set => Set(12, value); }

    /// <summary>H-13: <c>1</c>, <c>E1394-97</c>, <c>LIS2-A2</c>.</summary>
    public string Version { get => Get(13); set => Set(13, value); }

    /// <summary>H-14 as sent.</summary>
    public string Timestamp { get => Get(14); set => Set(14, value); }

    public DateTime? TimestampValue => AstmDateTime.ParseOptional(Timestamp, "H-14 date/time of message");
}
