using Hospital.Domain.Billing;
using Hospital.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Cashier;

/// <summary>What an administrator types to open a receipt book.</summary>
public sealed record ReceiptBookInput(string? Series, string? Name, string? FirstNumber, string? LastNumber, string? AssignedTo);

/// <summary>
/// Receipt books (quyển biên lai): the administrator opens a book with its series (ký hiệu) and
/// number range and gives it to a cashier (or leaves it shared); a book is switched off, never
/// deleted, because printed receipts refer to it.
/// </summary>
public sealed class ReceiptBookAdministration(HospitalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> AddAsync(ReceiptBookInput input, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var series = (input.Series ?? "").Trim().ToUpperInvariant();
        if (series.Length is 0 or > 20 || !series.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.'))
            errors.Add("Ký hiệu quyển: 1–20 chữ không dấu, số hoặc / - .");
        else if (await db.Set<ReceiptBook>().AnyAsync(b => b.Series == series, ct))
            errors.Add($"Đã có quyển biên lai ký hiệu {series}.");
        var name = (input.Name ?? "").Trim();
        if (name.Length > 200) errors.Add("Tên quyển tối đa 200 ký tự.");
        var first = Number(input.FirstNumber, "Số đầu", errors);
        var last = Number(input.LastNumber, "Số cuối", errors);
        if (first is { } f && last is { } l && l < f) errors.Add("Số cuối phải lớn hơn hoặc bằng số đầu.");
        var assigned = string.IsNullOrWhiteSpace(input.AssignedTo) ? null : input.AssignedTo.Trim();
        if (assigned is not null && !await db.Set<Hospital.Domain.Identity.AppUser>().AnyAsync(u => u.UserName == assigned, ct))
            errors.Add($"Không có người dùng {assigned}.");
        if (errors.Count > 0) return errors;
        db.Add(new ReceiptBook
        {
            Series = series, Name = name.Length > 0 ? name : $"Quyển {series}", FirstNumber = first!.Value, LastNumber = last!.Value,
            NextNumber = first.Value, AssignedTo = assigned, IsActive = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<bool> SetActiveAsync(int bookId, bool active, CancellationToken ct = default) =>
        await db.Set<ReceiptBook>().Where(b => b.Id == bookId).ExecuteUpdateAsync(s => s.SetProperty(b => b.IsActive, active), ct) == 1;

    private static int? Number(string? text, string label, List<string> errors)
    {
        if (int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99_999_999)
            return n;
        errors.Add($"{label} phải là số nguyên từ 1 đến 99.999.999.");
        return null;
    }
}
