using Hospital.Domain.Catalog;
using Hospital.Domain.Clinical;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Orders;

/// <summary>What the administrator typed for an order set: services as MA_DICH_VU codes, one per line, in order.</summary>
public sealed record OrderSetInput(int? Id, string? Code, string? Name, bool IsActive, string? ServiceCodes);

/// <summary>
/// Creates and edits order sets (bộ chỉ định). The generic catalog screens edit flat entries, and
/// an order set is a list of services, so it has this small editor instead. A set is never
/// deleted (orders name the set they came from): it is switched off.
/// </summary>
public sealed class OrderSetAdministration(HospitalDbContext db)
{
    public const int MaxItems = 40;

    /// <summary>Errors (Vietnamese) or none when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(OrderSetInput input, CancellationToken ct)
    {
        var errors = new List<string>();
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        var name = (input.Name ?? "").Trim();
        if (code.Length is 0 or > 30) errors.Add("Mã bộ chỉ định gồm 1–30 ký tự.");
        if (name.Length is 0 or > 500) errors.Add("Tên bộ chỉ định gồm 1–500 ký tự.");
        var codes = (input.ServiceCodes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ', 2)[0]).Where(c => c.Length > 0).ToList();
        if (codes.Count == 0) errors.Add("Nhập ít nhất một mã dịch vụ.");
        if (codes.Count > MaxItems) errors.Add($"Một bộ chỉ định tối đa {MaxItems} dịch vụ.");
        if (codes.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add($"Dịch vụ {twice.Key} có hai lần trong bộ.");
        var services = await db.Set<MedicalService>().AsNoTracking().Where(s => codes.Contains(s.Code)).ToListAsync(ct);
        foreach (var c in codes)
        {
            var s = services.FirstOrDefault(x => x.Code == c);
            if (s is null) errors.Add($"Không có dịch vụ mã {c}.");
            else if (!s.IsActive) errors.Add($"Dịch vụ {c} đã ngừng sử dụng.");
            else if (s.CostGroup is BhytCostGroup.Exam or BhytCostGroup.DayBed or BhytCostGroup.InpatientBed or BhytCostGroup.HoldingBed)
                errors.Add($"Dịch vụ {c} (công khám, ngày giường) không đưa vào bộ chỉ định được.");
        }
        if (code.Length > 0 && await db.Set<OrderSet>().AnyAsync(s => s.Code == code && s.Id != (input.Id ?? 0), ct))
            errors.Add($"Đã có bộ chỉ định mã {code}.");
        OrderSet? set = null;
        if (input.Id is { } id && (set = await db.Set<OrderSet>().Include(s => s.Items).FirstOrDefaultAsync(s => s.Id == id, ct)) is null)
            errors.Add("Không tìm thấy bộ chỉ định.");
        if (errors.Count > 0) return errors;

        set ??= db.Add(new OrderSet()).Entity;
        set.Code = code;
        set.Name = name;
        set.IsActive = input.IsActive;
        set.RefreshSearchKey();
        var wanted = codes.Select((c, i) => (Id: services.First(s => s.Code == c).Id, Position: i + 1)).ToList();
        foreach (var item in set.Items.Where(i => wanted.All(w => w.Id != i.ServiceId)).ToList()) set.Items.Remove(item);
        foreach (var (serviceId, position) in wanted)
        {
            var item = set.Items.FirstOrDefault(i => i.ServiceId == serviceId);
            if (item is null) set.Items.Add(new OrderSetItem { ServiceId = serviceId, Position = position });
            else item.Position = position;
        }
        await db.SaveChangesAsync(ct);
        return [];
    }
}
