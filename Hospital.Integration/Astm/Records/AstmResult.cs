namespace Hospital.Integration.Astm.Records;

/// <summary>R, result (LIS2-A2 §9).</summary>
public sealed class AstmResult(AstmRecord record) : AstmRecordView(record, 'R')
{
    public AstmResult(AstmDelimiters delimiters) : this(AstmRecord.Create('R', delimiters)) { }

    /// <summary>R-3, Universal Test ID (<c>^^^code</c>, Sysmex <c>^^^^WBC^1</c>).</summary>
    public AstmTestId Test
    {
        get => new(Record.Components(3));
        set => Record.SetComponents(3, value.Components);
    }

    /// <summary>R-4 as sent (may be padded, <c>&gt; 15000.00</c>, <c>Positive</c>, <c>*****</c>); never coerce.</summary>
    public string Value { get => Get(4); set => Set(4, value); }

    /// <summary>R-5 (ISO 2955 style, <c>10*3/uL</c>).</summary>
    public string Units { get => Get(5); set => Set(5, value); }

    /// <summary>R-6 (<c>lo-hi</c>, <c>lo to hi</c>, or repeats as in cobas QC).</summary>
    public string ReferenceRange { get => Get(6); set => Set(6, value); }

    /// <summary>R-7: L, H, LL, HH, &lt;, &gt;, N, A, U, D, B, W (Architect: <c>EXP^HIGH</c>).</summary>
    public string AbnormalFlags { get => Get(7); set => Set(7, value); }

    /// <summary>R-8: A age, S sex, R race, N generic.</summary>
    public string NatureOfAbnormality { get => Get(8); set => Set(8, value); }

    /// <summary>R-9: C, P, F, X, I, S, M, R, N, Q, V, W.</summary>
    public string Status { get => Get(9); set => Set(9, value); }

    /// <summary>R-11 components: performed^verified.</summary>
    public string OperatorId { get => Get(11); set => Set(11, value); }

    /// <summary>R-12.</summary>
    public string StartedAt { get => Get(12); set => Set(12, value); }

    /// <summary>R-13, date/time test completed.</summary>
    public string CompletedAt { get => Get(13); set => Set(13, value); }

    public DateTime? CompletedAtValue => AstmDateTime.ParseOptional(CompletedAt, "R-13 date/time test completed");

    /// <summary>R-14, instrument (module) identification.</summary>
    public string InstrumentId { get => Get(14); set => Set(14, value); }
}
