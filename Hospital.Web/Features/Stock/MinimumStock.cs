using Hospital.Domain.Data;
using Hospital.Domain.Pharmacy;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Stock;

/// <summary>Cơ số tối thiểu per store and drug, set by pharmacists; 0 means no minimum (the row stays: nothing is deleted).</summary>
public sealed class MinimumStock(HospitalDbContext db)
{
    public async Task<string?> SetAsync(int storeId, int drugId, decimal? minimum, CancellationToken ct = default)
    {
        if (minimum is null) return "Nhập số lượng tối thiểu (0 nếu không đặt).";
        if (minimum < 0) return "Số lượng tối thiểu không được âm.";
        if (!await db.Set<Store>().AnyAsync(s => s.Id == storeId, ct)) return "Không có kho này.";
        if (!await db.Set<Hospital.Domain.Catalog.Drug>().AnyAsync(d => d.Id == drugId, ct)) return "Không có thuốc này.";
        var level = await db.Set<StoreDrugLevel>().FirstOrDefaultAsync(l => l.StoreId == storeId && l.DrugId == drugId, ct);
        if (level is null) db.Add(level = new StoreDrugLevel { StoreId = storeId, DrugId = drugId });
        level.MinimumStock = minimum.Value;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
