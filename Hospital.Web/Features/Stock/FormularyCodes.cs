using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>The drugs a document's lines name by code (any case), loaded once for all lines.</summary>
public sealed class FormularyCodes(IReadOnlyDictionary<string, Drug> drugs)
{
    public static async Task<FormularyCodes> LoadAsync(HospitalDbContext db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.Select(c => c?.Trim().ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        return new(await db.Set<Drug>().AsNoTracking().Where(d => wanted.Contains(d.Code.ToUpper())).ToDictionaryAsync(d => d.Code.ToUpperInvariant(), ct));
    }

    /// <summary>The drug of a line, or why there is none ("Chọn thuốc.", unknown code).</summary>
    public Drug? Find(string? code, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(code)) { error = "Chọn thuốc."; return null; }
        if (drugs.TryGetValue(code.Trim().ToUpperInvariant(), out var drug)) return drug;
        error = $"Không có thuốc mã '{code.Trim()}' trong danh mục.";
        return null;
    }
}
