using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Domain.Data;

/// <summary>
/// Patient codes, visit codes and MA_LK come from database sequences, never from MAX()+1
/// (DESIGN.md "Data"): <c>nextval</c> on PostgreSQL (no lock held until commit, so parallel
/// registrations do not wait for each other), a counter row on SQLite (<see cref="NumberSequence"/>).
/// A number taken by a transaction that rolls back is skipped, like any sequence.
/// </summary>
public static class IdentifierSequences
{
    public const string PatientCode = "patient_code_seq";
    public const string VisitCode = "visit_code_seq";
    public const string MaLk = "ma_lk_seq";
    /// <summary>Số phiếu chỉ định (EMR orders), created by migration 000007.</summary>
    public const string OrderRequest = "order_request_seq";
    /// <summary>Specimen barcodes (LIS), created by migration 000011.</summary>
    public const string SpecimenBarcode = "specimen_barcode_seq";
    /// <summary>Numbers of pharmacy documents (receipts, transfers, write-offs, counts, dispensations), created by migration 000018.</summary>
    public const string PharmacyDocument = "pharmacy_document_seq";

    /// <summary>
    /// Every sequence. Migration 000003 creates the ones listed here when it runs, so on a new
    /// database it also creates later additions; their own migrations therefore create them only
    /// if missing (<c>IF NOT EXISTS</c>, <c>INSERT OR IGNORE</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> All = [PatientCode, VisitCode, MaLk, OrderRequest, SpecimenBarcode, PharmacyDocument];

    public static async Task<long> NextAsync(DbContext db, string sequence, CancellationToken ct = default)
    {
        if (!All.Contains(sequence)) throw new ArgumentException($"Unknown sequence {sequence}", nameof(sequence));
        var sql = db.Database.IsNpgsql()
            ? $"SELECT nextval('{sequence}') AS \"Value\""
            : $"UPDATE number_sequences SET last_value = last_value + 1 WHERE name = '{sequence}' RETURNING last_value AS \"Value\"";
        var values = await db.Database.SqlQueryRaw<long>(sql).ToListAsync(ct);
        return values.Single();
    }

    /// <summary>
    /// Formats a sequence value with a pattern such as <c>{yy}{seq:7}</c>: <c>{yyyy}</c>, <c>{yy}</c>,
    /// <c>{MM}</c>, <c>{dd}</c> (local date), <c>{facility}</c> and <c>{seq:N}</c> (zero-padded to N
    /// digits; longer values are kept whole, never truncated). Other text is copied.
    /// </summary>
    public static string Format(string pattern, long value, DateOnly localDate, string facilityCode = "")
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0) { sb.Append(pattern, i, pattern.Length - i); break; }
            var close = pattern.IndexOf('}', open);
            if (close < 0) throw new FormatException($"Mẫu mã \"{pattern}\" thiếu dấu }}.");
            sb.Append(pattern, i, open - i);
            var token = pattern[(open + 1)..close];
            sb.Append(token switch
            {
                "yyyy" => localDate.Year.ToString("D4", CultureInfo.InvariantCulture),
                "yy" => (localDate.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
                "MM" => localDate.Month.ToString("D2", CultureInfo.InvariantCulture),
                "dd" => localDate.Day.ToString("D2", CultureInfo.InvariantCulture),
                "facility" => facilityCode,
                _ when token.StartsWith("seq", StringComparison.Ordinal) => value.ToString(
                    "D" + (token.Length > 4 && token[3] == ':' ? int.Parse(token[4..], CultureInfo.InvariantCulture) : 1), CultureInfo.InvariantCulture),
                _ => throw new FormatException($"Mẫu mã \"{pattern}\" có thành phần lạ {{{token}}}."),
            });
            i = close + 1;
        }
        return sb.ToString();
    }
}
