using Microsoft.EntityFrameworkCore;
using Hospital.Domain.Catalog;
using Hospital.Domain.Data;
using Hospital.Domain.Identity;
using Hospital.Integration.Bhxh;
using Microsoft.Extensions.Options;

namespace Hospital.Web.Features.Insurance;

/// <summary>Name and CCCD sent as hoTenCb/cccdCb: they must be registered with BHXH (CV 1923/BHXH-CNTT, 2024).</summary>
public sealed record CardCheckOfficer(string Name, string Cccd);

/// <summary>
/// Who looks the card up: the user who registered the visit, through their staff entry's CCCD;
/// else the facility's configured officer (<c>Bhxh:OfficerName</c>, <c>Bhxh:OfficerCccd</c>).
/// </summary>
public sealed class CardCheckOfficers(HospitalDbContext db, IOptions<BhxhOptions> options)
{
    public async Task<CardCheckOfficer> ForUserAsync(string? userName, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(userName))
        {
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.UserName == userName && u.StaffId != null)
                .Join(db.Set<Staff>(), u => u.StaffId, s => s.Id, (u, s) => new { u.FullName, StaffName = s.Name, s.Cccd })
                .FirstOrDefaultAsync(ct);
            if (staff is { Cccd: { Length: 12 } cccd })
                return new CardCheckOfficer(string.IsNullOrWhiteSpace(staff.StaffName) ? staff.FullName : staff.StaffName, cccd);
        }
        var o = options.Value;
        return new CardCheckOfficer(o.OfficerName ?? "", o.OfficerCccd ?? "");
    }
}
