using Hospital.Domain.Data;

namespace Hospital.Domain.Pharmacy;

/// <summary>
/// Số phiếu of pharmacy documents: prefix, two-digit year, six-digit number from one database
/// sequence (PN26-000123 nhập, PL xuất lĩnh, PX xuất khác, KK kiểm kê, CP cấp phát).
/// </summary>
public static class PharmacyDocumentNumber
{
    public const string Receipt = "PN", Transfer = "PL", WriteOff = "PX", Count = "KK", Dispensation = "CP";

    public static async Task<string> NextAsync(HospitalDbContext db, string prefix, DateOnly today, CancellationToken ct = default) =>
        $"{prefix}{today.Year % 100:D2}-{await IdentifierSequences.NextAsync(db, IdentifierSequences.PharmacyDocument, ct):D6}";
}
