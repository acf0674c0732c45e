namespace Hospital.Integration.Astm.Records;

/// <summary>L, message terminator (LIS2-A2 §12).</summary>
public sealed class AstmTerminator(AstmRecord record) : AstmRecordView(record, 'L')
{
    public AstmTerminator(AstmDelimiters delimiters, string code = "N") : this(AstmRecord.Create('L', delimiters))
    {
        Sequence = 1;
        Code = code;
    }

    /// <summary>
    /// L-3: N normal, T sender aborted, R receiver abort, E system error, Q error in last query, I no information for
    /// the last query, F last query processed. Absent (Architect <c>L|1</c>) reads as N.
    /// </summary>
    public string Code
    {
        get => Get(3).Trim() is { Length: > 0 } code ? code : "N";
        set => Set(3, value);
    }
}
