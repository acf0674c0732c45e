namespace Hospital.Lis.Specimens;

/// <summary>Settings of the <c>Lis</c> configuration section that concern specimens.</summary>
public sealed class SpecimenOptions
{
    public const string Section = "Lis";

    /// <summary>
    /// Pattern of a specimen barcode (IdentifierSequences.Format: <c>{yy}</c>, <c>{MM}</c>, <c>{dd}</c>,
    /// <c>{facility}</c>, <c>{seq:N}</c>). The default, 2-digit year + 8-digit sequence, is all digits
    /// and of even length: Code 128 subset C packs it into the shortest label barcode, and every
    /// analyser's barcode reader accepts it.
    /// </summary>
    public string SpecimenBarcodeFormat { get; set; } = "{yy}{seq:8}";
}
