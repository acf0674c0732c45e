using System.Globalization;
using System.IO.Compression;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Insurance.Claims;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.ClaimBoard;

/// <summary>
/// <c>GET /insurance/claims/export?day=yyyy-MM-dd</c> or <c>?month=yyyy-MM</c>: the signed files of a
/// day's or a month's claims (end date NGAY_RA) for manual upload on the portal, as a zip laid out
/// as vendors do (bhyt-claims.md §2, no official rule): <c>&lt;MACSKCB&gt;/yyyy.MM.dd_HH.mm.ss_&lt;MA_LK&gt;.xml</c>,
/// the time being when the version was built (Vietnam time). Only the latest version of each visit
/// that is Ready, Sent or Accepted: an invalid or rejected file would be refused again. The zip is
/// written to a temporary file batch by batch, so a month of 100,000 files never sits in memory.
/// </summary>
public static class ClaimExport
{
    private const int Batch = 200;

    public static readonly IReadOnlyList<ClaimStatus> Exported = [ClaimStatus.Ready, ClaimStatus.Sent, ClaimStatus.Accepted];

    /// <summary>The period asked for, or a Vietnamese reason it is not understood.</summary>
    public static (DateOnly From, DateOnly To, string Label)? Period(string? day, string? month, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(day))
        {
            if (DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return (d, d, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            error = $"Ngày '{day}' không hợp lệ: dùng dạng yyyy-MM-dd.";
            return null;
        }
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                return (m, m.AddMonths(1).AddDays(-1), m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            error = $"Tháng '{month}' không hợp lệ: dùng dạng yyyy-MM.";
            return null;
        }
        error = "Chọn một ngày (day=yyyy-MM-dd) hoặc một tháng (month=yyyy-MM) để xuất hồ sơ.";
        return null;
    }

    public static string EntryName(string facilityCode, DateTime builtAtUtc, string maLk) =>
        $"{facilityCode}/{VietnamTime.ToLocal(builtAtUtc).ToString("yyyy.MM.dd_HH.mm.ss", CultureInfo.InvariantCulture)}_{maLk}.xml";

    public static async Task<IResult> DownloadAsync(HttpContext http, HospitalDbContext db, CancellationToken ct)
    {
        var period = Period(http.Request.Query["day"], http.Request.Query["month"], out var error);
        if (period is not { } p)
        {
            FlashMessage.Set(http, FlashKind.Danger, error!);
            return Results.LocalRedirect("/insurance/claims");
        }
        var facility = await db.Set<FacilitySettings>().AsNoTracking().OrderBy(f => f.Id).Select(f => f.FacilityCode).FirstOrDefaultAsync(ct);
        var folder = string.IsNullOrWhiteSpace(facility) ? "CSKCB" : facility;

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await WriteAsync(file, db, folder, p.From, p.To, ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        return Results.File(file, "application/zip", $"ho-so-xml-{p.Label}.zip");
    }

    /// <summary>Writes the zip of the period's files to <paramref name="output"/>; returns how many files it holds.</summary>
    public static async Task<int> WriteAsync(Stream output, HospitalDbContext db, string facilityCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var count = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var selection = ClaimFilter.None with { From = from, To = to };
        long after = 0;
        while (true)
        {
            var batch = await selection.Apply(db)
                .Where(c => Exported.Contains(c.Status) && c.SignedXml != null && c.Id > after)
                .OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { c.Id, c.MaLk, c.BuiltAt, c.SignedXml })
                .ToListAsync(ct);
            if (batch.Count == 0) return count;
            foreach (var c in batch)
            {
                var entry = zip.CreateEntry(EntryName(facilityCode, c.BuiltAt, c.MaLk), CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await stream.WriteAsync(c.SignedXml, ct);
                count++;
            }
            after = batch[^1].Id;
        }
    }
}
