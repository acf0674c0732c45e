using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Web.Features.Admin.Users;
using Hospital.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Admin.ApiKeys;

/// <summary>
/// Issuing and revoking keys for kiosks and integrations (issue 2 item 5). Only the SHA-256 hash
/// is stored; the plain key exists once, in the response that shows it to the admin.
/// </summary>
public sealed class ApiKeyAdministration(HospitalDbContext db, TimeProvider clock)
{
    public sealed record Issued(int Id, string Name, string PlainKey);

    public async Task<(AdminResult Result, Issued? Key)> CreateAsync(
        string name, IReadOnlyCollection<string> roles, DateOnly? expiresOn, string createdBy, CancellationToken ct)
    {
        name = Domain.Text.VietnameseText.Nfc(name);
        var errors = new List<FieldError>();
        if (roles.Count == 0)
            errors.Add(new("Roles", "Chọn ít nhất một vai trò cho khóa."));
        if (expiresOn is { } day && day <= VietnamTime.Today(clock))
            errors.Add(new("ExpiresOn", "Ngày hết hạn phải sau hôm nay."));
        // Two live keys with one name could not be told apart when one must be revoked.
        if (await db.Set<ApiKey>().AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
            errors.Add(new("Name", "Đã có một khóa đang dùng với tên này."));
        if (errors.Count > 0) return (new AdminResult(errors), null);

        var plain = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = name,
            Prefix = ApiKeySecret.PrefixOf(plain),
            KeyHash = ApiKeySecret.Hash(plain),
            Roles = string.Join(',', roles),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
            // Valid through the whole chosen day, Vietnamese time.
            ExpiresAt = expiresOn is { } d ? VietnamTime.StartOfDayUtc(d.AddDays(1)) : null,
        };
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync(ct);
        return (AdminResult.Ok, new Issued(key.Id, key.Name, plain));
    }

    /// <summary>Revoked keys stay in the table (who revoked, when); the authentication handler refuses them with 401.</summary>
    public async Task<AdminResult> RevokeAsync(int id, string revokedBy, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return AdminResult.Fail("", "Không tìm thấy khóa API.");
        if (key.RevokedAt is not null) return AdminResult.Fail("", "Khóa này đã bị thu hồi trước đó.");
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        key.RevokedBy = revokedBy;
        await db.SaveChangesAsync(ct);
        return AdminResult.Ok;
    }
}
