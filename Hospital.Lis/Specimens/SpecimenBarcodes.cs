using Hospital.Domain.Common;
using Hospital.Domain.Data;
using Microsoft.Extensions.Options;

namespace Hospital.Lis.Specimens;

/// <summary>
/// New specimen barcodes from the database sequence <see cref="IdentifierSequences.SpecimenBarcode"/>
/// (never MAX()+1, DESIGN.md "Data") formatted by <see cref="SpecimenOptions.SpecimenBarcodeFormat"/>.
/// </summary>
public sealed class SpecimenBarcodes(HospitalDbContext db, IOptions<SpecimenOptions> options, TimeProvider clock)
{
    /// <summary>Longest barcode the column and most analysers' sample-ID fields take.</summary>
    public const int MaxLength = 20;

    public async Task<string> NextAsync(CancellationToken ct = default)
    {
        var value = await IdentifierSequences.NextAsync(db, IdentifierSequences.SpecimenBarcode, ct);
        var barcode = IdentifierSequences.Format(options.Value.SpecimenBarcodeFormat, value, VietnamCalendar.Today(clock));
        // A pattern with spaces or non-ASCII text would print a label no scanner or analyser reads back.
        if (barcode.Length is 0 or > MaxLength || barcode.Any(c => c is <= ' ' or > '~'))
            throw new InvalidOperationException($"Lis:SpecimenBarcodeFormat \"{options.Value.SpecimenBarcodeFormat}\" gives \"{barcode}\": a barcode must be 1–{MaxLength} printable ASCII characters without spaces.");
        return barcode;
    }
}
