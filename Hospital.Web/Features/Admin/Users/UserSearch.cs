using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Admin.Users;

/// <summary>
/// The user list's filter, shared by the screen and <c>GET /api/v1/admin/users</c>. Every word
/// typed must occur in the accent-free full name or in the user name, so "nguyen hoa" finds
/// "Nguyễn Thị Hoà" and "bs.lan" finds the user name, all in SQL, on both providers.
/// </summary>
public static class UserSearch
{
    public const string StateActive = "active";
    public const string StateInactive = "inactive";

    public static IQueryable<AppUser> Filter(HospitalDbContext db, string? search, string? role, string? state)
    {
        var users = db.Users.AsNoTracking();
        foreach (var word in VietnameseText.SearchKey(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Identity stores user names upper-cased with the invariant culture (UpperInvariantLookupNormalizer).
            var upper = word.ToUpperInvariant();
            users = users.Where(u => u.SearchKey.Contains(word) || u.NormalizedUserName!.Contains(upper));
        }
        if (!string.IsNullOrEmpty(role) && Roles.All.Contains(role))
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id &&
                db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        users = state switch
        {
            StateActive => users.Where(u => u.IsActive),
            StateInactive => users.Where(u => !u.IsActive),
            _ => users,
        };
        return users;
    }

    /// <summary>Role names of the given users, in the fixed order of <see cref="Roles.All"/>.</summary>
    public static async Task<ILookup<string, string>> RolesOfAsync(HospitalDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return pairs
            .OrderBy(p => IndexOfRole(p.Name))
            .ToLookup(p => p.UserId, p => p.Name!);
    }

    public static int IndexOfRole(string? role)
    {
        for (var i = 0; i < Roles.All.Count; i++)
            if (Roles.All[i] == role) return i;
        return int.MaxValue;
    }

    /// <summary>Identity's lockout end is a DateTimeOffset, which SQLite cannot compare in SQL; users are few, so it is read and compared here.</summary>
    public static bool IsLockedOut(DateTimeOffset? lockoutEnd, DateTime utcNow) => lockoutEnd is { } end && end.UtcDateTime > utcNow;
}
