using Hospital.Domain.Data;
using Hospital.Web.Api;
using Hospital.Web.Components.Shared.Tables;
using Hospital.Web.Features.Admin.Users;
using Hospital.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Web.Features.Admin;

/// <summary>Administration over the JSON API (Admin role, cookie or API key). Never returns password hashes or stamps.</summary>
public static class AdminApi
{
    public sealed record UserDto(
        string Id, string UserName, string FullName, IReadOnlyList<string> Roles,
        bool IsActive, bool IsLockedOut, int? StaffId, DateTime CreatedAt, DateTime? LastSignInAt);

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(HospitalModule.Administration).WithTags("Quản trị");

        admin.MapGet("/users", async (HospitalDbContext db, TimeProvider clock,
                string? q, string? role, string? state, int? page, int? size, CancellationToken ct) =>
            {
                var table = new TableQuery(q, Math.Max(1, page ?? 1), Math.Clamp(size ?? TableQuery.DefaultPageSize, 1, TableQuery.MaxPageSize), null, false);
                var users = UserSearch.Filter(db, table.Search, role, state);
                var total = await users.CountAsync(ct);
                var rows = await users.OrderBy(u => u.UserName).Skip(table.Skip).Take(table.PageSize)
                    .Select(u => new { u.Id, u.UserName, u.FullName, u.IsActive, u.LockoutEnd, u.StaffId, u.CreatedAt, u.LastSignInAt })
                    .ToListAsync(ct);
                var roles = await UserSearch.RolesOfAsync(db, rows.Select(r => r.Id).ToList(), ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var items = rows.Select(u => new UserDto(u.Id, u.UserName ?? "", u.FullName, roles[u.Id].ToList(), u.IsActive,
                    UserSearch.IsLockedOut(u.LockoutEnd, now), u.StaffId, u.CreatedAt, u.LastSignInAt)).ToList();
                return new ListResult<UserDto>(items, total);
            })
            .WithSummary("Người dùng: tìm theo tên (không dấu cũng được), lọc theo vai trò (role) và trạng thái (state=active|inactive), phân trang (page, size ≤ 100).");
        return admin;
    }
}
