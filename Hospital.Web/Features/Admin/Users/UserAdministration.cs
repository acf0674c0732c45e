using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Admin.Users;

/// <summary>
/// The rules of managing accounts (issue 2 item 4). All changes go through UserManager so the
/// password policy, security stamp and lockout stay Identity's business; a change that must end
/// a user's open sessions (deactivation, new password) renews the security stamp, which the
/// cookie validator checks every minute (IdentitySetup).
/// </summary>
public sealed class UserAdministration(HospitalDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
    public sealed record StaffOption(int Id, string Code, string Name, string? Title);

    /// <summary>Active staff, plus <paramref name="keep"/> (the one already linked, even if since deactivated).</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffOptionsAsync(int? keep, CancellationToken ct) =>
        await db.Set<Staff>().AsNoTracking()
            .Where(s => s.IsActive || s.Id == keep)
            .OrderBy(s => s.Name).ThenBy(s => s.Code)
            .Select(s => new StaffOption(s.Id, s.Code, s.Name, s.Title))
            .ToListAsync(ct);

    public async Task<(AdminResult Result, string? UserId)> CreateAsync(
        string userName, string fullName, int? staffId, string password, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var check = await CheckCommonAsync(null, staffId, roles, ct);
        if (!check.Succeeded) return (check, null);

        var user = new AppUser
        {
            UserName = userName.Trim(),
            FullName = Domain.Text.VietnameseText.Nfc(fullName),
            StaffId = staffId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // One transaction: a user is never left behind without the roles the admin chose.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return (AdminResult.From(result), null);
        result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded) return (AdminResult.From(result), null);
        await tx.CommitAsync(ct);
        return (AdminResult.Ok, user.Id);
    }

    public async Task<AdminResult> UpdateAsync(
        string id, string actorId, string fullName, int? staffId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound;
        if (id == actorId && !roles.Contains(Roles.Admin))
            return AdminResult.Fail("Roles", "Bạn không thể tự bỏ vai trò Quản trị hệ thống của chính mình.");
        var check = await CheckCommonAsync(id, staffId, roles, ct);
        if (!check.Succeeded) return check;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.FullName = Domain.Text.VietnameseText.Nfc(fullName);
        user.StaffId = staffId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return AdminResult.From(result);
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Count > 0 && !(result = await users.RemoveFromRolesAsync(user, removed)).Succeeded) return AdminResult.From(result);
        if (added.Count > 0 && !(result = await users.AddToRolesAsync(user, added)).Succeeded) return AdminResult.From(result);
        await tx.CommitAsync(ct);
        // Other users' sessions pick up new roles at the next stamp validation (within a minute);
        // the admin's own cookie is reissued now so the menu follows at once.
        if (id == actorId) await signIn.RefreshSignInAsync(user);
        return AdminResult.Ok;
    }

    /// <summary>
    /// Sets a new password through a reset token: the password is validated before the old one
    /// is replaced, and the security stamp is renewed so every open session of the user ends.
    /// </summary>
    public async Task<AdminResult> ResetPasswordAsync(string id, string actorId, string password)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return AdminResult.From(result);
        // Someone who forgot the password has often locked the account trying; the admin's reset clears that.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (id == actorId) await signIn.RefreshSignInAsync(user);
        return AdminResult.Ok;
    }

    public async Task<AdminResult> SetActiveAsync(string id, string actorId, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound;
        if (!active && id == actorId)
            return AdminResult.Fail("", "Bạn không thể vô hiệu hóa tài khoản của chính mình.");
        if (user.IsActive == active) return AdminResult.Ok;
        user.IsActive = active;
        // A new stamp (saved with the flag) makes the cookie validator reject the user's open sessions within a minute.
        return AdminResult.From(active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user));
    }

    public async Task<AdminResult> UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound;
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        return AdminResult.From(result);
    }

    private static AdminResult NotFound => AdminResult.Fail("", "Không tìm thấy người dùng.");

    private async Task<AdminResult> CheckCommonAsync(string? userId, int? staffId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (roles.Count == 0)
            errors.Add(new("Roles", "Chọn ít nhất một vai trò."));
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            errors.Add(new("Roles", $"Vai trò không tồn tại: {unknown}."));
        if (staffId is { } sid)
        {
            if (!await db.Set<Staff>().AnyAsync(s => s.Id == sid, ct))
                errors.Add(new("StaffId", "Nhân viên đã chọn không có trong danh mục."));
            // One account per member of staff: signatures and claim fields (CCHN) must name one person's login.
            else if (await db.Users.Where(u => u.StaffId == sid && u.Id != userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) is { } other)
                errors.Add(new("StaffId", $"Nhân viên này đã gắn với tài khoản '{other}'."));
        }
        return new AdminResult(errors);
    }
}
