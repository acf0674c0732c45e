namespace Hospital.Integration.Astm.Records;

/// <summary>
/// M, manufacturer information (LIS2-A2 §14): field 3 names the record's kind and the rest is the vendor's own.
/// The message keeps M records (and S, scientific) in the <c>Extras</c> of the record they follow; read them with this view.
/// </summary>
public sealed class AstmManufacturer(AstmRecord record) : AstmRecordView(record, 'M')
{
    public AstmManufacturer(AstmDelimiters delimiters) : this(AstmRecord.Create('M', delimiters)) { }

    /// <summary>M-3, the vendor's record type (e.g. an instrument flag block or histogram).</summary>
    public string RecordType { get => Get(3); set => Set(3, value); }

    /// <summary>Fields 4 onwards, unescaped, as the vendor laid them out.</summary>
    public IReadOnlyList<string> VendorFields => Enumerable.Range(4, Math.Max(0, Record.FieldCount - 3)).Select(Record.Value).ToList();
}
